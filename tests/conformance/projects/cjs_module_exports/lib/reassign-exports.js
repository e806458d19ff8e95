exports = { lost: true };
exports.alsoLost = true;
