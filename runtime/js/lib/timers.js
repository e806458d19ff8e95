// node:timers: the worker's own timer functions (not the globals, which a
// script may replace).
'use strict';
const { ObjectDefineProperty } = primordials;
const timers = require('internal/timers');

module.exports = {
  setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval, clearInterval: timers.clearInterval,
  setImmediate: timers.setImmediate, clearImmediate: timers.clearImmediate,
};
ObjectDefineProperty(module.exports, 'promises', {
  __proto__: null,
  get() { return require('timers/promises'); },
  enumerable: true,
  configurable: true,
});
