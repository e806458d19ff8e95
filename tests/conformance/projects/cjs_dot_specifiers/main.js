// Dot and slash specifiers: '.' and './' mean the requiring directory
// (its index / package main), '..' its parent; 'lib' vs 'lib/' (a file
// lib.js only without the slash); absolute paths; 'pkg/' goes to the package
// directory (package.json "main"), 'pkg/sub' tries sub.js before sub/.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['.', './', './lib', './lib/', './lib/index', 'pkg', 'pkg/', 'pkg/sub', 'pkg/sub/',
                  'pkg/lib/main', 'pkg/.', 'pkg/./sub', 'pkg/lib/../index', './node_modules/pkg']) {
  show(id, () => require(id));
}
show('absolute', () => require(__dirname + '/lib/sub/x'));
show('absolute dir', () => require(__dirname + '/lib'));
for (const [id, where] of require('./lib/sub/probe.js')) console.log('from lib/sub:', id, '->', rel(where));
