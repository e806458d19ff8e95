module.exports = { name: 'lib/first-imported.cjs' };
