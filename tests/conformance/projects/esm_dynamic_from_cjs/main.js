// import() from CommonJS (entry main.js, no "type"): returns a promise of the
// namespace; for an ES module its exports, for a CommonJS module `default` is
// module.exports (the very object require() returns, whichever loaded it
// first, the module runs once) plus the named exports the lexer detects;
// specifiers resolve against the calling file; packages use the "import"
// condition; builtins; import() inside eval() in a CommonJS module.
const rel = (s) => String(s).split(__dirname).join('<root>');
(async () => {
  const esm = await import('./lib/esm.mjs');
  console.log('esm', Object.prototype.toString.call(esm), JSON.stringify(Object.keys(esm)), esm.where, esm.default);

  const required = require('./lib/counter.cjs');
  const cjs = await import('./lib/counter.cjs');
  console.log('cjs keys', JSON.stringify(Object.keys(cjs)), cjs.name, cjs.loads);
  console.log('cjs default is module.exports', cjs.default === required);

  const ns = await import('./lib/first-imported.cjs');
  console.log('imported first, then required: same', ns.default === require('./lib/first-imported.cjs'));
  console.log('in require.cache', Object.keys(require.cache).map(rel).filter((k) => k.includes('first')).join());

  const load = require('./lib/loader.cjs');
  console.log('relative to lib/loader.cjs', (await load('./other.mjs')).where);
  console.log('dual from import()', (await import('dual')).default);
  console.log('dual from require()', require('dual'));
  const util = await import('util');
  console.log('builtin', util.default === require('util'), typeof util.inspect);
  console.log('eval', (await eval("import('./lib/esm.mjs')")).where);
})();
