// require('path') (POSIX): every function over a grid of awkward inputs,
// compared with Node's output, plus argument errors. resolve() results
// depend on the working directory, so they are printed relative to it.
const path = require('path');
const cwd = process.cwd();
const inputs = ['', '.', '..', '/', '//', '///', 'a', 'a/', 'a//b', '/a/b/c', '/a/b/c/',
  'a/./b', 'a/../b', '../a', '../../a/b', '/..', '/../a', 'a/b/../../..', './', './a',
  '.bashrc', 'a/.bashrc', 'file.txt', 'file.tar.gz', 'file.', 'a.b/c', '/a.b/c.d/', '..a',
  'a..', '.../', '...', '/foo/bar/baz/asdf/quux/..', 'dir//file.js', 'x/y/z.min.js/',
  '\u00e9/\u{1F600}.txt', ' /a b/ c.d'];
const show = (v) => JSON.stringify(v);
for (const p of inputs) {
  console.log(show(p), path.normalize(p), path.isAbsolute(p), path.dirname(p),
              show(path.basename(p)), show(path.basename(p, '.txt')), show(path.basename(p, 'b')),
              show(path.extname(p)), JSON.stringify(path.parse(p)));
}
for (const [a, b] of [['a', 'b'], ['/a', 'b'], ['a', '/b'], ['', ''], ['a/', '/b/'],
                      ['/a/b', '../c'], ['.', '..'], ['a', '', 'b'], ['/', '..', 'x']]) {
  console.log('join', show([a, b]), show(path.join(a, b)), show(path.join()),
              show(path.resolve('/base', a, b)));
}
const rel = [['/data/orandea/test/aaa', '/data/orandea/impl/bbb'], ['/a/b', '/a/b'],
  ['/a/b', '/a/b/c/d'], ['/a/b/c', '/a'], ['/', '/x/y'], ['/x/y', '/'], ['/a/bc', '/a/b'],
  ['/a/b', '/a/bc'], ['a/b', 'a/c'], ['/foo/bar', '/foo/bar/'], ['//a', '/a']];
for (const [f, t] of rel) console.log('relative', show(f), show(t), show(path.relative(f, t)));
console.log('resolve', show(path.relative(cwd, path.resolve('x', '../y', './z'))),
            path.resolve('/a', 'b', '/c', 'd'), path.resolve('/a/b', '..', '..', '..'),
            path.resolve('') === cwd, path.resolve() === cwd);
for (const o of [{ root: '/', dir: '/home/u', base: 'f.txt' }, { root: '/', base: 'f.txt' },
                 { name: 'f', ext: 'txt' }, { name: 'f', ext: '.txt' }, { dir: 'd', name: 'n' },
                 { root: '/r/', name: 'n', ext: '.e' }, {}]) {
  console.log('format', JSON.stringify(o), show(path.format(o)));
}
console.log(path.sep, path.delimiter, path.posix === path, path.toNamespacedPath('/a/b'),
            require('node:path') === path, require('path/posix') === path);
for (const f of [() => path.resolve(5), () => path.resolve('a', null), () => path.basename('a', 5),
                 () => path.join('a', 1), () => path.relative(1, 'a'), () => path.format(null),
                 () => path.format('x'), () => path.dirname({}), () => path.normalize([]),
                 () => path.extname(undefined), () => path.parse(1n)]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
