// require('path') (POSIX), the odd corners: basename's suffix matching,
// dirname('//a'), parse('/..'), format's defaults and property reads,
// which arguments resolve() checks, the module's shape, and results that do
// not change when String/Array prototypes are patched. resolve() results
// are printed relative to the working directory.
const path = require('path');
const show = JSON.stringify;
const attempt = (f) => { try { return show(f()); } catch (e) { return `${e.name} ${e.code}: ${e.message}`; } };

console.log(path === path.posix, path.posix.posix === path, path.win32.posix === path, path._makeLong === path.toNamespacedPath);
for (const k of Object.keys(path).filter((k) => typeof path[k] === 'function' && k !== 'matchesGlob')) {
  console.log(k, path[k].name, path[k].length);
}

for (const p of ['/', '//', '///', '//a', '///a', '////a', '/a//b', '/a//b//', 'a//b', '/..', '/../', '//..',
  '/.', '/...', '/..a', '/.a.', 'x/..', '.../..', '..a', 'a..', '.a.', 'a.b.', '/a/b.c/']) {
  console.log(show(p), show(path.normalize(p)), show(path.dirname(p)), show(path.basename(p)),
              show(path.extname(p)), show(path.parse(p)), show(path.format(path.parse(p))));
}

const suffixes = ['', 'a', 'b', 'ab', 'ba', 'a/', '/', '.a', 'aa', 'x', '.js', 'a.js'];
for (const p of ['a', 'ab', 'aa', 'aab', 'a/', 'a//', '/a/', 'b/a/', '/', '//', '.a', 'x.js', 'x.js/', 'a.js']) {
  console.log('basename', show(p), suffixes.map((s) => show(path.basename(p, s))).join(' '));
}

// Absolute paths among themselves, relative ones among themselves (a mix
// would print this machine's directories).
for (const rel of [['/', '/a', '/a/b', '/a/bc', '/a/b/c', '/ab', '/x/y', '//a', '/a/./b/..', '/A'],
                   ['a', 'a/b', '.', '', 'a/../c', 'b/c/d', './a/']]) {
  for (const from of rel) {
    console.log('relative', show(from), rel.map((to) => show(path.relative(from, to))).join(' '));
  }
}
// Resolved against the working directory, shown relative to it.
for (const args of [['a', 'b'], ['/a', '..', '..', 'b'], ['', ''], ['/a/b/', './'], ['a', '/b', 'c/'], []]) {
  const resolved = path.resolve(...args);
  console.log('resolve', show(args), args.some((a) => a[0] === '/') ? show(resolved)
    : show(path.relative(process.cwd(), resolved)), path.isAbsolute(resolved), show(path.join(...args)));
}

for (const o of [{ root: '/', dir: '/', base: 'b' }, { root: '/r', dir: '/r', base: 'b' }, { root: 'r' },
  { dir: '', root: '', base: '' }, { name: 'n', ext: 'e' }, { name: 'n', ext: '.e' }, { ext: '..' },
  { name: 5, ext: 5 }, { name: 'n', ext: ['.x'] }, { dir: 'd', base: 'b', name: 'ignored' }, { base: 0, name: 'n' }]) {
  console.log('format', show(o), show(path.format(o)));
}
for (const o of [{ root: '/' }, { dir: '/d', base: 'b' }, {}]) {
  const reads = [];
  path.format(new Proxy(o, { get(t, k) { reads.push(k); return t[k]; } }));
  console.log('format reads', show(o), reads.join(','));
}

for (const f of [() => path.resolve(1, '/a'), () => path.resolve('/a', 1), () => path.join('a', null),
  () => path.relative(1, 2), () => path.relative('a'), () => path.basename(1, 1), () => path.basename('a', null),
  () => path.format(null), () => path.format([]), () => path.format(function f() {}), () => path.format('x'.repeat(40)),
  () => path.normalize(Symbol('s')), () => path.toNamespacedPath(42), () => path.dirname(1n)]) {
  console.log('call', attempt(f));
}

// Patched prototypes: results are computed under the patch, printed after.
// (Node 20's own posix join() is not immune to a patched Array.prototype.push,
// so it is not called under the patch.)
const patched = [[String.prototype, ['slice', 'charCodeAt', 'lastIndexOf', 'indexOf', 'toLowerCase', 'startsWith']],
                 [Array.prototype, ['push', 'join', 'pop', 'slice', 'indexOf']]];
const saved = [];
for (const [proto, keys] of patched) for (const k of keys) saved.push([proto, k, proto[k]]);
const calls = [() => path.normalize('/a/./b/../c//'), () => path.win32.join('a', '..', 'b/'), () => path.resolve('/x', 'y/..'),
  () => path.relative('/a/b/c', '/a/d'), () => path.basename('/a/b.js', '.js'), () => path.extname('a.b.c'),
  () => path.dirname('/a/b/'), () => path.parse('/home/u/f.txt'), () => path.win32.normalize('C:/a/../b'),
  () => path.win32.relative('C:\\a\\B', 'c:\\A\\c'), () => path.win32.parse('\\\\s\\h\\f.x')];
const results = new Array(calls.length);
for (let i = 0; i < saved.length; i++) saved[i][0][saved[i][1]] = () => 'PATCHED';
for (let i = 0; i < calls.length; i++) results[i] = calls[i]();
for (let i = 0; i < saved.length; i++) saved[i][0][saved[i][1]] = saved[i][2];
console.log('patched', show(results));
