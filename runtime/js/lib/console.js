// node:console: the global console.
'use strict';
module.exports = require('internal/console');
