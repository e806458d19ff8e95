module.exports = 'commonjs again';
