// Require cycles: the second module gets the first one's partially filled
// exports object (live: properties added later become visible); a module that
// replaces module.exports after the cycle leaves the other holding the stale
// object, while a later require sees the new one; requiring yourself returns
// your own partial exports.
const a = require('./lib/a.js');
const b = require('./lib/b.js');
console.log('b saw a', JSON.stringify(b.seenFromB));
console.log('a saw b', JSON.stringify(a.seenFromA));
console.log('b.aLater()', b.aLater());

const r1 = require('./lib/r1.js');
const r2 = require('./lib/r2.js');
console.log('r1', JSON.stringify(r1));
console.log('r2 later', JSON.stringify(r2.r1Later()));

console.log('self', JSON.stringify(require('./lib/self.js')));

console.log('main cycle', require('./lib/back.js').mainExportsSeen);
exports.late = 'set after';
console.log('main exports now visible', require('./lib/back.js').get().late);
