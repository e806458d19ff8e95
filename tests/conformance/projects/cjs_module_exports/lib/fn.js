module.exports = function named() { return 'called'; };
module.exports.extra = 'prop on the function';
