// node:util - the parts scripts commonly use.
'use strict';

const { inspect, format, formatWithOptions } = internals;

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(original) {
  if (typeof original !== 'function') {
    const e = new TypeError('The "original" argument must be of type function');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (original[kCustomPromisify]) return original[kCustomPromisify];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, value) => (err ? reject(err) : resolve(value))]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function deprecate(fn, msg) {
  let warned = false;
  return function(...args) {
    if (!warned) {
      warned = true;
      internals.process.emitWarning(msg, 'DeprecationWarning');
    }
    return Reflect.apply(fn, this, args);
  };
}

// util.types: V8's own type predicates (binding.types).
const types = { ...binding.types };
types.isNativeError = binding.types.isNativeError;

function isDeepStrictEqual(a, b) {
  return inspect(a, { depth: Infinity, sorted: true }) === inspect(b, { depth: Infinity, sorted: true }) &&
         Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

// util.callbackify: as Node's, a falsy rejection becomes an Error with code
// ERR_FALSY_VALUE_REJECTION carrying it as `reason`.
function callbackify(original) {
  if (typeof original !== 'function') {
    throw internals.invalidArgType('original', 'of type function', original);
  }
  function callbackified(...args) {
    const cb = args.pop();
    if (typeof cb !== 'function') throw internals.invalidArgType('last argument', 'of type function', cb);
    const onRejected = (reason) => {
      if (!reason) {
        const e = new Error('Promise was rejected with falsy value');
        e.code = 'ERR_FALSY_VALUE_REJECTION';
        e.reason = reason;
        reason = e;
      }
      cb(reason);
    };
    Reflect.apply(original, this, args).then(
        (value) => internals.process.nextTick(cb, null, value),
        (reason) => internals.process.nextTick(onRejected, reason));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const props = Object.create(null);
  for (const key of Reflect.ownKeys(descriptors)) {
    if (key === 'prototype' || key === 'arguments' || key === 'caller') continue;
    props[key] = descriptors[key];
  }
  Object.defineProperties(callbackified, props);
  return callbackified;
}

// util.debuglog(section): a logger that writes to stderr when NODE_DEBUG
// names the section (comma-separated, '*' wildcards), as Node's.
function debuglog(section, cb) {
  section = String(section).toUpperCase();
  const spec = String(internals.process.env.NODE_DEBUG || '');
  const enabled = spec.split(/[\s,]+/).filter(Boolean).some((pattern) => new RegExp(
      '^' + pattern.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i')
      .test(section));
  const pid = internals.process.pid;
  function logger(...args) {
    if (enabled) internals.process.stderr.write(`${section} ${pid}: ${format(...args)}\n`);
  }
  Object.defineProperty(logger, 'enabled', { get: () => enabled, enumerable: true, configurable: true });
  if (typeof cb === 'function') cb(logger);
  return logger;
}

module.exports = {
  inspect, format, formatWithOptions, inherits, promisify, deprecate, types, isDeepStrictEqual,
  isArray: Array.isArray, callbackify, debuglog, debug: debuglog,
  stripVTControlCharacters(str) { return internals.loadInspect().stripVTControlCharacters(str); },
};
for (const name of ['TextEncoder', 'TextDecoder']) {  // loaded on first use, as the globals
  Object.defineProperty(module.exports, name, {
    get() { return internals.internalRequire('encoding')[name]; },
    enumerable: true, configurable: true,
  });
}
