module.exports = require("../exact.js");
