exports.before = 1;
module.exports = { after: 2 };
exports.ghost = 3;
