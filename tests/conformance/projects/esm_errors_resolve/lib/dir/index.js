module.exports = 'lib/dir/index.js';
