module.exports = 'lib/x.js';
