module.exports = { filename: __filename, util: require('b/util'), viaA: () => require('a') };
