module.exports = 'lib/sibling.js';
