// require('islet'): what islet adds beyond Node's API (internal/islet).
'use strict';
module.exports = require('internal/islet').api;
