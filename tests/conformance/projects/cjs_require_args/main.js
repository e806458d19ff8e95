// Argument validation of require() and require.resolve(): non-strings are
// ERR_INVALID_ARG_TYPE, '' is ERR_INVALID_ARG_VALUE for require (but
// MODULE_NOT_FOUND for require.resolve); extra arguments are ignored; the
// errors are TypeErrors carrying a code.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.name, e.code, rel(e.message).split('\n')[0]); }
};

show('require()', () => require());
show('require(undefined)', () => require(undefined));
show('require(null)', () => require(null));
show('require(42)', () => require(42));
show('require({})', () => require({}));
show('require(["./lib/x"])', () => require(['./lib/x']));
show("require('')", () => require(''));
show("require('./lib/x', 'extra')", () => require('./lib/x', 'extra'));
show('resolve()', () => require.resolve());
show("resolve('')", () => require.resolve(''));
show('resolve(Symbol())', () => require.resolve(Symbol('s')));
show('resolve.paths(1)', () => require.resolve.paths(1));
show("require(new String('./lib/x'))", () => require(new String('./lib/x')));
