const a = 'a', b = 'b', c = 'c';
module.exports = { a, bee: b, 'quoted': c, ...require('./spread.cjs'), num: 1, after: a };
