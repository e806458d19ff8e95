module.exports = require('#dep');
