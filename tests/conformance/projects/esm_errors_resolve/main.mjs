// Resolution errors of import(): a missing relative file, a missing package,
// an extensionless relative specifier (ESM does not try extensions or
// index files: "Did you mean"), a directory (even one with a package.json),
// a subpath a package does not export, a package with no entry point, an
// unknown node: builtin, an unknown file extension, a non-file URL scheme.
// Each prints err.name, err.code and the relativised message.
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const specs = ['./lib/missing.mjs', 'missing-pkg', 'missing-pkg/sub', './lib/util', './lib/plain',
  './lib/dir', './lib/dir/', './lib/pkgdir', 'pkg/nope', 'pkg/sub', 'nomain', 'node:nope',
  './lib/file.txt', 'https://example.com/x.mjs', '/nonexistent/abs.mjs'];
for (const spec of specs) {
  try {
    const ns = await import(spec);
    console.log(spec, '->', ns.default);
  } catch (e) {
    console.log(spec, '!>', e.name, e.code);
    console.log('   ', rel(e.message).split('\n').join('\n    '));
  }
}
