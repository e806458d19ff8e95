// require('path').win32: drive letters, UNC shares, device namespaces
// ('\\?\', '\\.\'), reserved device names, either slash, over every
// function. resolve() falls back on the working directory, which differs
// from machine to machine: where it shows, it is printed as '<cwd>'.
const path = require('path');
const w = path.win32;
const cwd = w.resolve('.');
const show = (v) => JSON.stringify(typeof v === 'string' && cwd.length > 1 ? v.split(cwd).join('<cwd>') : v);
const attempt = (f) => { try { return show(f()); } catch (e) { return `${e.name} ${e.code}: ${e.message}`; } };

console.log(w.sep, w.delimiter, w.win32 === w, w.posix === path.posix, w._makeLong === w.toNamespacedPath);
const inputs = ['', '.', '..', 'a', 'a\\', 'a/b\\c', '\\', '/', '\\\\', '//', '\\\\\\a', 'C:', 'c:', 'C:.',
  'C:..', 'C:a\\..\\..', 'C:\\', 'C:/', 'C:\\..\\..', 'C:\\a\\.\\b\\..\\c\\', 'C:a:b', '1:', ':', 'a:',
  '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\', '//server/share/x/../..',
  '\\\\server\\\\share\\\\x', '\\\\?\\C:\\a\\..\\..', '\\\\?\\C:', '\\\\?\\', '\\\\.\\pipe\\x',
  '\\\\.\\', '\\\\?\\UNC\\s\\h\\x', '\\\\??\\x\\y', 'CON', 'CON:', 'con:x', 'aux\\', 'auxa', 'COM1:\\',
  'lpt\u00b3:', 'COM0:', 'a\\CON:', 'x\\..\\CON:x', 'x\\..\\ab:', 'x\\..\\ab:c', ':\\', 'a\\b:\\c',
  'file.txt', '.bashrc', 'a.b.c\\', 'C:.a', 'C:..\\x.y', '\u00fc\\\u0130.TXT'];
// toNamespacedPath() resolves; a path that climbs above the working
// directory would print this machine's directories, so it is left out.
const namespaced = (p) => (w.isAbsolute(p) || p === '' || w.resolve(p).includes(cwd)
  ? show(w.toNamespacedPath(p)) : '(above the working directory)');
for (const p of inputs) {
  console.log(show(p), show(w.normalize(p)), w.isAbsolute(p), show(w.dirname(p)),
              show(w.basename(p)), show(w.extname(p)), show(w.parse(p)), namespaced(p));
}

for (const args of [['a', 'b'], ['\\', 'server', 'share'], ['\\\\server', 'share'], ['//', 'a'],
  ['\\\\\\', 'a', 'b'], ['C:', 'a'], ['C:', '\\a'], ['a', 'C:'], ['x', '..', 'a:b'], ['x', '..', 'CON:'],
  ['CON:', 'y'], ['\\\\?\\', 'C:', 'x'], ['', ''], [], ['a', '', '..', '..']]) {
  console.log('join', show(args), show(w.join(...args)));
}

for (const args of [['C:\\a', 'b'], ['C:\\a', 'D:b'], ['C:\\a', 'D:\\b', 'c'], ['C:\\x', '\\a'],
  ['D:x', 'C:y', '\\z'], ['c:\\r', 'C:y'], ['\\\\s\\h\\x', 'C:y', '\\\\t\\u'], ['C:\\x', '\\\\s\\h\\y', '..\\..'],
  ['\\\\?\\b', '..'], ['\\\\?\\C:\\x', '..\\..'], ['\\\\s\\h', '..'], ['C:'], ['C:a'], ['D:x\\..\\y'],
  ['a', 'b'], ['\\a', 'b'], ['CON:'], ['C:\\', '']]) {
  console.log('resolve', show(args), show(w.resolve(...args)));
}

const rel = ['C:\\', 'C:\\a', 'c:\\A\\b', 'C:\\a\\bc', 'C:\\a\\b\\c', 'D:\\a', '\\\\s\\h', '\\\\S\\H\\x',
  '\\\\s\\h2\\x', '\\a', '\\b', '\\ab', '\\abc', '\\abc\\d', '\\x\\y', '\\\u0130\\Z', '\\\\?\\C:\\a'];
for (const from of rel) console.log('relative', show(from), rel.map((to) => show(w.relative(from, to))).join(' '));

for (const [p, s] of [['a.js', '.js'], ['a.js', 'a.js'], ['a\\', 'ba'], ['a\\', 'a\\'], ['C:\\', 'x'],
  ['C:', 'C:'], ['\\\\s\\h\\', 'h'], ['x\\aaa', 'a'], ['x\\aaa\\\\', 'aa'], ['C:a', 'a'], ['a', 'b\\a']]) {
  console.log('basename', show([p, s]), show(w.basename(p, s)));
}

for (const o of [{ root: 'C:\\', dir: 'C:\\d', base: 'f.txt' }, { root: 'C:\\', base: 'f' },
  { dir: '\\\\s\\h', name: 'n', ext: 'e' }, { root: 'C:', name: 'n', ext: '.e' }, {}, { ext: '.' }]) {
  console.log('format', show(o), show(w.format(o)));
}

for (const f of [() => w.join('a', 1), () => w.resolve('a', null), () => w.resolve(1, 'C:\\a'),
  () => w.resolve(1, '\\a'), () => w.relative('a', {}), () => w.basename(1, 1), () => w.format('x'),
  () => w.toNamespacedPath(5), () => w.toNamespacedPath(''), () => w.parse(undefined)]) {
  console.log('call', attempt(f));
}
