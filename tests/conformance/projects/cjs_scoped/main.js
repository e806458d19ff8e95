// Scoped packages: '@scope/pkg' is one package directory (two path segments),
// with main, subpaths and exports; '@scope' alone is not a package, and the
// scope name matters ('@other/pkg' and 'pkg' are different packages).
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['@scope/pkg', '@scope/pkg/sub', '@scope/pkg/dir', '@scope/pkg/lib/main',
                  '@scope/exp', '@scope/exp/feature', '@scope/exp/f.js', '@scope/exp/user.js',
                  '@other/pkg', 'pkg', '@scope', '@scope/', '@scope/missing', '@SCOPE/pkg']) {
  show(id, () => require(id));
}
