module.exports = (id) => require(id);
