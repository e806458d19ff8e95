const a = require('./a.js');
exports.name = 'b';
exports.seenFromB = { aKeys: Object.keys(a), aDone: String(a.done), aLoaded: require.cache[require.resolve('./a.js')].loaded };
exports.aLater = () => a.done;
exports.done = true;
