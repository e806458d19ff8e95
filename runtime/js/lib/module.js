// node:module: the CommonJS loader's Module.
'use strict';
module.exports = require('internal/modules/cjs/loader').Module;
