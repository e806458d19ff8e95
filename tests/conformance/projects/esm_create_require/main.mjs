// module.createRequire(import.meta.url) in ESM: a require() that resolves
// relative to the given file (a file: URL or an absolute path), loads
// CommonJS and JSON (cached, shared with other requires), packages from
// node_modules, require.resolve / require.cache, and builtins; it is a real
// require (extension search, index files) unlike import.
import { createRequire } from 'module';
import { require as libRequire } from './lib/helper.mjs';
const require = createRequire(import.meta.url);
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');

const c = require('./lib/c.cjs');
console.log('c.cjs', rel(c.filename), c.loads);
console.log('cached', require('./lib/c.cjs') === c, libRequire('./c.cjs') === c, c.loads);
console.log('json', JSON.stringify(require('./lib/data.json')), require('./lib/data.json') === libRequire('./data.json'));
console.log('extension search', require('./lib/sibling'), libRequire('./sibling'));
console.log('package', require('dep'), rel(require.resolve('dep')));
console.log('resolve', rel(require.resolve('./lib/c.cjs')), rel(libRequire.resolve('./c.cjs')));
console.log('cache keys', JSON.stringify(Object.keys(require.cache).map(rel).sort()));
console.log('builtin', require('path') === require('node:path'), typeof require('util').inspect);
const fromPath = createRequire(import.meta.filename);
console.log('from a path', fromPath('./lib/sibling.js'));
const fromDir = createRequire(import.meta.dirname + '/');
console.log('from a dir/', fromDir('./lib/sibling.js'));
try { require('./lib/missing'); } catch (e) { console.log('missing', e.code, rel(e.message).split('\n')[0]); }
try { createRequire('relative/path.js'); } catch (e) { console.log('bad filename', e.code); }
