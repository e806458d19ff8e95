exports.before = 'r1 placeholder';
const r2 = require('./r2.js');
module.exports = { replaced: true, r2sawPlaceholder: r2.saw };
