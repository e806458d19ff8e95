exports.before = 1; require('./throws.js');
