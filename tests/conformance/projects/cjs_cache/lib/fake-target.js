module.exports = 'real file';
