// require.main: in the entry script it is `module` (id '.'); in required
// files and packages it is still the entry module, and process.mainModule
// is the same object. A file can tell whether it was run directly.
const rel = (s) => String(s).split(__dirname).join('<root>');

console.log('main: require.main === module', require.main === module);
console.log('main: id', JSON.stringify(module.id), 'filename', rel(module.filename));
console.log('main: process.mainModule === module', process.mainModule === module);
console.log('main: require.main.filename', rel(require.main.filename));
const child = require('./lib/child.js');
console.log('child:', child.isMain, rel(child.mainFile), child.sameMain, rel(child.id));
console.log('pkg:', JSON.stringify(require('pkg')()));
console.log('main: require.main.loaded', require.main.loaded);
setImmediate(() => console.log('later: require.main.loaded', require.main.loaded));
