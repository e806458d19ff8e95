// package.json fields Node's CommonJS loader ignores: "module", "browser"
// (string or map), "jsnext:main", "types"; a non-string "main" is ignored
// (index.js); the directory name, not "name", is what require matches.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['fields', 'dirname-wins', 'declared-name', 'maintype', 'browsermap', 'typeonly']) {
  show(id, () => require(id));
}
