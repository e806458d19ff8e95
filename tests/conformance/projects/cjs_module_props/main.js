// Module objects: id, filename, path, loaded (false while the file runs,
// true after), parent (the first requirer), children (every module this one
// required, in order, once each; cached ones too), paths (inside the
// project), the wrapper arguments, `this === exports` and the own keys.
const rel = (s) => String(s).split(__dirname).join('<root>');
const names = (m) => JSON.stringify(m.children.map((c) => rel(c.id)));
const inside = (ps) => JSON.stringify(ps.filter((p) => p.startsWith(__dirname)).map(rel));

console.log('main id/filename/path', module.id, rel(module.filename), rel(module.path));
console.log('main parent', module.parent, 'loaded', module.loaded, 'paths', inside(module.paths));
console.log('wrapper', arguments.length, this === exports, exports === module.exports,
            typeof require, rel(__filename) === rel(module.filename), rel(__dirname));
const a = require('./lib/a.js');
const am = a.get();
console.log('a loadedDuringLoad', a.loadedDuringLoad, 'loaded now', am.loaded);
console.log('a id', rel(am.id), 'parent', rel(a.parentFile), am.parent === module);
console.log('a children', names(am), 'b parent', rel(require('./lib/b.js').parentFile));
require('./lib/second.js')();
console.log('second children', names(require.cache[require.resolve('./lib/second.js')]));
console.log('main children', names(module));
console.log('a paths', inside(am.paths));
console.log('require.extensions', JSON.stringify(Object.keys(require.extensions)));
console.log('module keys', JSON.stringify(Object.keys(module)));
console.log('constructor', module.constructor === require('module'), module instanceof require('module'));
