const main = require('../main.js');
exports.mainExportsSeen = JSON.stringify(main);
exports.get = () => main;
