exports.x = 1;
exports.selfIsSame = require('./self.js') === exports;
