// util.inspect and util.format as builtins and scripts call them.
// internal/util/inspect (the largest builtin) is loaded on first use: most
// workers only ever print strings and numbers, and an idle worker should
// not carry it. console.log of strings and numbers takes a fast path that
// gives what Node's formatWithOptions gives for them.
'use strict';

let inspectModule;
function loadInspect() {
  if (inspectModule === undefined) {
    inspectModule = require('internal/util/inspect');
    inspectModule.setPublicInspect(inspect);
  }
  return inspectModule;
}
function inspect(value, opts) {
  return Reflect.apply(loadInspect().inspect, undefined, arguments);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
for (const key of ['defaultOptions', 'colors', 'styles']) {
  Object.defineProperty(inspect, key, {
    get() { return loadInspect().inspect[key]; },
    set(value) { loadInspect().inspect[key] = value; },
    enumerable: key !== 'defaultOptions',
    configurable: true,
  });
}
// Strings as they are, numbers as inspect prints them (all but -0), and no
// '%' directives to expand: joined with spaces, as Node does.
function plainArgs(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'string') {
      if (i === 0 && args.length > 1 && a.includes('%')) return false;
    } else if (typeof a !== 'number' || Object.is(a, -0) || (i === 0 && args.length > 1)) {
      return false;
    }
  }
  return true;
}
function joinPlain(args) {
  let out = args.length > 0 ? String(args[0]) : '';
  for (let i = 1; i < args.length; i++) out += ' ' + args[i];
  return out;
}
function format(...args) {
  return plainArgs(args) ? joinPlain(args) : Reflect.apply(loadInspect().format, undefined, args);
}
function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions !== null && typeof inspectOptions === 'object' && plainArgs(args)) {
    return joinPlain(args);
  }
  return Reflect.apply(loadInspect().formatWithOptions, undefined, [inspectOptions, ...args]);
}

module.exports = { inspect, format, formatWithOptions, loadInspect };
