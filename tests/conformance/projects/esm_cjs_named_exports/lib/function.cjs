module.exports = function fn() { return 'called'; };
module.exports.prop = 'prop';
