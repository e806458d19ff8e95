// Conditional exports under require(): the first key in object order that is
// one of "require", "node", "node-addons" or "default" wins; other conditions
// ("import", "browser", "types", "module", ...) are skipped; nested condition
// objects that match nothing fall through to the next key; a conditions object
// with no usable key leaves the subpath unexported.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['cond', 'cond/default-first', 'cond/node-first', 'cond/unknown', 'cond/import-only',
                  'cond/nested', 'cond/nested-miss', 'cond/addons', 'cond/module', 'cond/production',
                  'onlycond', 'nocond']) {
  show(id, () => require(id));
}
