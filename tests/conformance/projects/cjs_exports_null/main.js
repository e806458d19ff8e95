// null targets in "exports" exclude a subpath: a null pattern hides a subtree
// of a broader pattern (an exact key can re-expose one file), a null exact key
// hides a file that exists, and a matching condition whose value is null stops
// resolution (no fall-through to "default").
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['nul', 'nul/lib/a', 'nul/lib/internal/secret', 'nul/lib/internal/public',
                  'nul/hidden', 'nul/cond', 'nul/cond2', 'nulmain', 'nulmain/x']) {
  show(id, () => require(id));
}
