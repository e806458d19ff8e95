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

module.exports = {
  inspect, format, formatWithOptions, inherits, promisify, deprecate, types, isDeepStrictEqual,
  isArray: Array.isArray,
};
for (const name of ['TextEncoder', 'TextDecoder']) {  // loaded on first use, as the globals
  Object.defineProperty(module.exports, name, {
    get() { return internals.internalRequire('encoding')[name]; },
    enumerable: true, configurable: true,
  });
}
