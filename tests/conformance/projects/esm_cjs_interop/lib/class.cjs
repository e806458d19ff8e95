module.exports = class Thing { static make() { return 'made'; } };
