module.exports = () => require('plain');
