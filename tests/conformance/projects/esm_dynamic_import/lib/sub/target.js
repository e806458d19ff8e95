module.exports = { where: 'lib/sub/target.js (CommonJS)' };
