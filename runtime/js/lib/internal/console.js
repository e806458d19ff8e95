// The global console: writes to the worker's stdout and stderr (the
// daemon), formatting as Node's console does.
'use strict';
const processBinding = internalBinding('process');
const { inspect, format, formatWithOptions } = require('internal/util/format');

const counts = new Map();
const timeLabels = new Map();
let groupIndent = '';
function writeLine(fd, text) {
  if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
  processBinding.write(fd, text + '\n');
}
const console = {
  log(...args) { writeLine(1, formatWithOptions({}, ...args)); },
  info(...args) { writeLine(1, formatWithOptions({}, ...args)); },
  debug(...args) { writeLine(1, formatWithOptions({}, ...args)); },
  warn(...args) { writeLine(2, formatWithOptions({}, ...args)); },
  error(...args) { writeLine(2, formatWithOptions({}, ...args)); },
  trace(...args) {
    const err = { name: 'Trace', message: format(...args) };
    Error.captureStackTrace(err, console.trace);
    writeLine(2, err.stack);
  },
  dir(obj, options) { writeLine(1, inspect(obj, { customInspect: false, ...options })); },
  dirxml(...args) { console.log(...args); },
  assert(value, ...args) {
    if (!value) {
      args[0] = 'Assertion failed' + (args.length === 0 ? '' : ': ' + args[0]);
      console.warn(...args);
    }
  },
  count(label = 'default') {
    label = String(label);
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    console.log(label + ': ' + n);
  },
  countReset(label = 'default') { counts.delete(String(label)); },
  group(...args) {
    if (args.length) console.log(...args);
    groupIndent += '  ';
  },
  groupEnd() { groupIndent = groupIndent.slice(0, -2); },
  time(label = 'default') { timeLabels.set(String(label), processBinding.hrtimeNs()); },
  timeEnd(label = 'default') {
    label = String(label);
    const start = timeLabels.get(label);
    if (start === undefined) return;
    timeLabels.delete(label);
    console.log(label + ': ' + formatMs((processBinding.hrtimeNs() - start) / 1e6));
  },
  timeLog(label = 'default', ...data) {
    label = String(label);
    const start = timeLabels.get(label);
    if (start === undefined) return;
    console.log(label + ': ' + formatMs((processBinding.hrtimeNs() - start) / 1e6), ...data);
  },
  table(data) { console.log(data); },
};
console.groupCollapsed = console.group;
function formatMs(ms) {
  if (ms >= 1000) return (ms / 1000).toFixed(3) + 's';
  return ms.toFixed(3) + 'ms';
}

module.exports = console;
