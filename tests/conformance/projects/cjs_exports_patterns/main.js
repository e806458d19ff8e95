// Subpath patterns: '*' matches any string, slashes included, and every '*'
// in the target is replaced. When several patterns match, the one with the
// longest prefix before '*' wins (then the longer key); an exact key beats
// every pattern. Targets are not extension-probed.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};
const j = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

for (const id of ['pat/features/a', 'pat/features/a.js', 'pat/features/nested/b',
                  'pat/features/special/one', 'pat/features/special/two', 'pat/features/special/',
                  'pat/features/', 'pat/features', 'pat/utils/str/index', 'pat/utils/str',
                  'pat/twice/x', 'pat/json/d.json', 'pat/json/d', 'pat/prefix-foo', 'pat/prefix-',
                  'pat/top', 'pat', 'pat/features/missing']) {
  show(id, () => j(require(id)));
}
