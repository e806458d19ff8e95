exports.name = 'a';
exports.early = true;
const b = require('./b.js');
exports.seenFromA = { bDone: b.done, bName: b.name };
exports.done = true;
