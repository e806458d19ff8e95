module.exports = { file: __filename, helper: require('./helper.js') };
