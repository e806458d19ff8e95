// require.cache: keyed by absolute filename (not by request), shared by every
// require in the process; deleting an entry makes the next require load the
// file again (a new exports object) while old importers keep the old one;
// planting an entry makes require return its exports without reading the
// file; builtins are not in it.
const path = require('path');
const rel = (s) => String(s).split(__dirname).join('<root>');
const keys = () => JSON.stringify(Object.keys(require.cache).map(rel).sort());

console.log('start', keys());
const a = require('./lib/counter');
const b = require('./lib/counter.js');
const c = require('./lib/uses-counter');
require('pkg');
require('path');
console.log('after', keys());
console.log('same', a === b, a === c, a.load);
const file = require.resolve('./lib/counter');
const entry = require.cache[file];
console.log('entry', rel(entry.id), rel(entry.filename), entry.loaded, entry.exports === a);
console.log('require.cache === module.constructor._cache', require.cache === module.constructor._cache);

delete require.cache[file];
const d = require('./lib/counter');
console.log('reloaded', d.load, d === a, require('./lib/uses-counter') === a);
delete require.cache[require.resolve('./lib/uses-counter')];
console.log('uses-counter reloaded gets', require('./lib/uses-counter').load);

const target = path.join(__dirname, 'lib', 'fake-target.js');
require.cache[target] = { id: target, filename: target, loaded: true, exports: 'planted' };
console.log('planted', require('./lib/fake-target'));
delete require.cache[target];
console.log('real', require('./lib/fake-target'));
console.log('builtin keys', Object.keys(require.cache).some((k) => !path.isAbsolute(k)));
