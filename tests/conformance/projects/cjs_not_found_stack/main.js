// MODULE_NOT_FOUND: the message names the request and ends with a
// "Require stack:" listing the requiring file and its parents (nearest
// first), also exposed as err.requireStack; a missing relative file inside a
// package; require.resolve's error has the same shape.
const rel = (s) => String(s).split(__dirname).join('<root>');
const report = (label, fn) => {
  try { fn(); console.log(label, 'did not throw'); } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} keys=${JSON.stringify(Object.keys(e))}`);
    console.log(rel(e.message));
    console.log('requireStack:', JSON.stringify(e.requireStack && e.requireStack.map(rel)));
  }
};

report('bare from lib/sub/b.js', () => require('./lib/a.js')('missing-pkg'));
report('relative from lib/sub/b.js', () => require('./lib/a.js')('./nope'));
report('inside a package', () => require('pkg'));
report('from main', () => require('./also-missing.js'));
report('resolve', () => require.resolve('missing-pkg/sub'));
