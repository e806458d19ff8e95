// "exports" as a subpath map: exact keys only ('./feature' and './feature.js'
// are unrelated, keys are case-sensitive), JSON targets, multi-segment keys;
// targets are not extension- or index-probed, and the old trailing-slash
// folder mappings ("./utils/") no longer work in Node 20.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};
const j = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

for (const id of ['sub', 'sub/', 'sub/feature', 'sub/feature.js', 'sub/data', 'sub/package.json',
                  'sub/deep/a/b', 'sub/deep/a', 'sub/noext', 'sub/dir', 'sub/dirslash',
                  'sub/utils/', 'sub/utils/u.js', 'sub/Feature', 'sub/FEATURE', 'sub/lib/index.js']) {
  show(id, () => j(require(id)));
}
show('package.json name', () => require('sub/package.json').name);
