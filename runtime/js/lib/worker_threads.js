// node:worker_threads (internal/worker/threads).
'use strict';
module.exports = require('internal/worker/threads').api;
