// "imports" errors: an unknown '#key', a pattern that does not match, a null
// target or a condition set with no usable key give
// ERR_PACKAGE_IMPORT_NOT_DEFINED; '#' and '#/x' are invalid specifiers; bad
// targets are ERR_INVALID_PACKAGE_TARGET. Each package sees only its own map.
// (A bare builtin target like "path" fails with ERR_INVALID_URL_SCHEME in Node 20.)
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['#ok', '#missing', '#only/a.js', '#only/a', '#null', '#import-only', '#', '#/x',
                  '#up', '#no-dot', '#node-scheme', '#bare-builtin', '#OK', 'nohash']) {
  show(id, () => require(id));
}
show('lib-a #ok', () => require('lib-a')('#ok'));
show('lib-a #only/a.js', () => require('lib-a')('#only/a.js'));
show('lib-b #ok', () => require('lib-b/user.js')());
