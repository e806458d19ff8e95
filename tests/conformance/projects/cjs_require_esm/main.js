// require() of ES modules in Node 20.19+ (unflagged require(esm)): returns the
// module namespace object (null prototype, sealed; __esModule: true is added
// when there is a default export), is cached, works for .mjs, "type": "module"
// .js and ESM-only packages; top-level await gives ERR_REQUIRE_ASYNC_MODULE.
// .cjs and a nested "type": "commonjs" stay CommonJS; "require" beats "import".
const rel = (s) => String(s).split(__dirname).join('<root>');
const desc = (ns) => [Object.prototype.toString.call(ns), Object.getPrototypeOf(ns) === null,
  JSON.stringify(Object.keys(ns)), Object.isSealed(ns), Object.isFrozen(ns)].join(' ');
const show = (label, fn) => {
  try { console.log(label, '->', fn()); }
  catch (e) { console.log(label, '!>', e.name, e.code); console.log(rel(e.message)); }
};

show('named.mjs', () => desc(require('./lib/named.mjs')) + ' ' + require('./lib/named.mjs').f());
show('def.mjs', () => desc(require('./lib/def.mjs')));
const def = require('./lib/def.mjs');
show('def values', () => [JSON.stringify(def.default), def.b, def.__esModule].join(' '));
show('cached', () => require('./lib/def.mjs') === def);
show('imports-cjs.mjs', () => JSON.stringify(require('./lib/imports-cjs.mjs')));
show('./esm-pkg', () => require('./esm-pkg').where);
show('./esm-pkg/legacy.cjs', () => require('./esm-pkg/legacy.cjs'));
show('./esm-pkg/cjs-dir/a', () => require('./esm-pkg/cjs-dir/a'));
show('dual', () => require('dual'));
show('esmonly', () => desc(require('esmonly')) + ' ' + require('esmonly').x);
show('tla.mjs', () => require('./lib/tla.mjs'));
