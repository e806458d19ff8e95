module.exports = require('./assign.cjs');
