// ERR_PACKAGE_PATH_NOT_EXPORTED in full: the package main missing from
// "exports" (even with "main" set), a subpath not listed, "exports": {} hiding
// everything; the error's name, keys, String() form, and that the message has
// no require stack. require.resolve throws the same error.
const rel = (s) => String(s).split(__dirname).join('<root>');
const detail = (label, fn) => {
  try { console.log(label, '->', rel(fn())); return; } catch (e) {
    console.log(label, '!>', e.name, e.code, e instanceof Error, JSON.stringify(Object.keys(e)));
    console.log('  message:', rel(e.message));
    console.log('  string: ', rel(String(e)));
  }
};

detail('nomain', () => require('nomain'));
detail('nomain/feature', () => require('nomain/feature'));
detail('nomain/other', () => require('nomain/other'));
detail('nested nomain/other', () => require('./lib/user.js')());
detail('resolve nomain/other.js', () => require.resolve('nomain/other.js'));
detail('emptyexp', () => require('emptyexp'));
detail('emptyexp/index.js', () => require('emptyexp/index.js'));
detail('direct path', () => require('./node_modules/nomain/other.js'));
