exports.fromCjs = 'named export of a CommonJS module';
module.exports.alsoCjs = 'also';
