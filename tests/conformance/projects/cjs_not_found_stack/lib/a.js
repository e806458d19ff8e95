module.exports = (id) => require('./sub/b.js')(id);
