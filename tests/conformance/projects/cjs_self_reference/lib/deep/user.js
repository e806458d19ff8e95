module.exports = [require.resolve('selfapp'), require.resolve('selfapp/feature')];
