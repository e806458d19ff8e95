// ERR_INVALID_PACKAGE_TARGET: "exports" targets must be strings starting with
// "./" that stay inside the package and contain no '..', '.' or node_modules
// segments (also after '*' substitution: ERR_INVALID_MODULE_SPECIFIER);
// mixing "." keys and condition keys is ERR_INVALID_PACKAGE_CONFIG.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['inv/ok', 'inv/no-dot', 'inv/up', 'inv/up-inside', 'inv/abs', 'inv/nm', 'inv/bare',
                  'inv/url', 'inv/number', 'inv/pat/a', 'inv/pat/../../sibling/index',
                  'inv/pat/./a', 'inv/pat/node_modules/dep/index', 'inv/patnm/node_modules/dep',
                  'inv/patnm/lib', 'mixed']) {
  show(id, () => require(id));
}
