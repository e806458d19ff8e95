module.exports = 'b needs ' + require('path').basename('/x/y.z');
