module.exports = { cjs: true };
