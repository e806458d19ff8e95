module.exports = 'a needs ' + require('./b');
