// "exports": "./x.js" (a string) is the package's only entry point: it beats
// "main", and every subpath (files, package.json, the main file itself) is
// blocked from outside, while relative requires inside the package still work.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

show('str', () => require('str'));
show('resolve str', () => require.resolve('str'));
for (const id of ['str/', 'str/lib/main.js', 'str/lib/old', 'str/index.js', 'str/package.json', 'str/lib/inner']) {
  show(id, () => require(id));
}
show('./node_modules/str/lib/inner.js', () => require('./node_modules/str/lib/inner.js').join(', '));
show('uses (relative inside)', () => require('uses'));
