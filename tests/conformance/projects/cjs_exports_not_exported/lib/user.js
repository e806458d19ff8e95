module.exports = () => require('nomain/other');
