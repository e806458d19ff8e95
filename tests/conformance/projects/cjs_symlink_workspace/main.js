// npm-workspace style symlinks (node_modules/a -> ../packages/a, see LINKS):
// modules are identified by their real path (__filename, require.cache,
// require.resolve), so a package reached through a link resolves its own
// requires from its real location (packages/node_modules/dep, not the root
// dep); one module instance whether reached via the link or the real path.
const rel = (s) => String(s).split(__dirname).join('<root>');
const inside = (ps) => JSON.stringify(ps.filter((p) => p.startsWith(__dirname)).map(rel));

const a = require('a');
console.log('a __filename', rel(a.filename));
console.log('a __dirname', rel(a.dirname));
console.log('a dep', a.dep);
console.log('a paths', inside(a.paths));
console.log('resolve a', rel(require.resolve('a')));
console.log('same via real path', require('./packages/a/lib/index.js') === a);
console.log('same via link path', require('./node_modules/a/lib/index.js') === a);
console.log('b (exports) __filename', rel(require('b').filename), rel(require('b').util));
console.log('b -> a is the same instance', require('b').viaA() === a);
console.log('a.b === b', a.b === require('b'));
console.log('root dep', require('dep'));
console.log('cache keys', JSON.stringify(Object.keys(require.cache).map(rel).sort()));
