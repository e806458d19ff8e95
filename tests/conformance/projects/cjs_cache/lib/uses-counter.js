module.exports = require('./counter.js');
