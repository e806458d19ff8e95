const r1 = require('./r1.js');
exports.saw = JSON.stringify(r1);
exports.r1Later = () => require('./r1.js');
