// node:util - the parts scripts commonly use.
'use strict';
const typesBinding = internalBinding('types');

const { inspect, format, formatWithOptions, loadInspect } = require('internal/util/format');
const { invalidArgType } = require('internal/errors');
const { process } = require('internal/process');

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
      const callback = (err, value) => (err ? reject(err) : resolve(value));
      Reflect.apply(original, this, [...args, callback]);
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
      process.emitWarning(msg, 'DeprecationWarning');
    }
    return Reflect.apply(fn, this, args);
  };
}

// util.types: V8's own type predicates (typesBinding).
const types = { ...typesBinding };
types.isNativeError = typesBinding.isNativeError;

// util.isDeepStrictEqual: Node's strict comparison (its
// lib/internal/util/comparisons.js, the same steps). It used to compare
// inspect() output, which shortens long arrays and strings: two arrays of
// 1,000 elements differing at the 500th compared equal.
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const tagOf = (v) => Object.prototype.toString.call(v);

// Own enumerable keys that are not array indices (strings and symbols).
function nonIndexKeys(value) {
  const out = [];
  for (const key of Reflect.ownKeys(value)) {
    const index = typeof key === 'string' && String(key >>> 0) === key &&
                  (key >>> 0) !== 4294967295;
    if (index) continue;
    if (isEnumerable(value, key)) out.push(key);
  }
  return out;
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function sameBoxed(a, b) {
  for (const [is, proto] of [[types.isNumberObject, Number.prototype],
                             [types.isStringObject, String.prototype],
                             [types.isBooleanObject, Boolean.prototype],
                             [types.isBigIntObject, BigInt.prototype],
                             [types.isSymbolObject, Symbol.prototype]]) {
    if (is(a)) return is(b) && Object.is(proto.valueOf.call(a), proto.valueOf.call(b));
  }
  return false;
}

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

function deepEqual(a, b, memos) {
  if (a === b) return a !== 0 || Object.is(a, b);
  if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a);
    if (keysA.length !== nonIndexKeys(b).length) return false;
    return keyCheck(a, b, memos, kIsArray, keysA);
  }
  if (tag === '[object Object]') return keyCheck(a, b, memos, kNoIterator);
  if (types.isDate(a)) {
    const time = Date.prototype.getTime;
    if (!types.isDate(b) || time.call(a) !== time.call(b)) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags ||
        a.lastIndex !== b.lastIndex) {
      return false;
    }
  } else if (types.isNativeError(a) || a instanceof Error) {
    if ((!types.isNativeError(b) && !(b instanceof Error)) || a.message !== b.message ||
        a.name !== b.name) {
      return false;
    }
  } else if (types.isArrayBufferView(a)) {
    if (!sameBytes(a, b)) return false;
    const keysA = nonIndexKeys(a);
    if (keysA.length !== nonIndexKeys(b).length) return false;
    return keyCheck(a, b, memos, kNoIterator, keysA);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, memos, kIsSet);
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, memos, kIsMap);
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b)) return false;
    if (!sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!sameBoxed(a, b)) return false;
  } else if (Array.isArray(b) || types.isArrayBufferView(b) || types.isSet(b) || types.isMap(b) ||
             types.isDate(b) || types.isRegExp(b) || types.isAnyArrayBuffer(b) ||
             types.isBoxedPrimitive(b) || types.isNativeError(b) || b instanceof Error) {
    return false;
  }
  return keyCheck(a, b, memos, kNoIterator);
}

function keyCheck(a, b, memos, iterationType, keysA) {
  if (keysA === undefined) {
    keysA = Object.keys(a);
    if (keysA.length !== Object.keys(b).length) return false;
    for (const key of keysA) if (!hasOwn(b, key)) return false;
    let symbolsA = 0;
    for (const key of Object.getOwnPropertySymbols(a)) {
      if (isEnumerable(a, key)) {
        if (!isEnumerable(b, key)) return false;
        keysA.push(key);
        symbolsA++;
      }
    }
    let symbolsB = 0;
    for (const key of Object.getOwnPropertySymbols(b)) if (isEnumerable(b, key)) symbolsB++;
    if (symbolsA !== symbolsB) return false;
  } else {
    for (const key of keysA) if (!hasOwn(b, key)) return false;
  }
  if (keysA.length === 0 &&
      (iterationType === kNoIterator || (iterationType === kIsArray && a.length === 0) ||
       a.size === 0)) {
    return true;
  }
  // Cycles, as Node 20 handles them: the first two levels are remembered
  // without a Set; past them, an object already being compared further up
  // counts as equal.
  if (memos === undefined) {
    memos = { set: undefined, a, b, c: undefined, d: undefined, deep: false };
    return objEquiv(a, b, keysA, memos, iterationType);
  }
  if (memos.set === undefined) {
    if (memos.deep === false) {
      if (memos.a === a && memos.b === b) return true;
      memos.c = a;
      memos.d = b;
      memos.deep = true;
      const result = objEquiv(a, b, keysA, memos, iterationType);
      memos.deep = false;
      return result;
    }
    memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
  }
  const { set } = memos;
  const before = set.size;
  set.add(a);
  set.add(b);
  if (before === set.size - 2) {
    const result = objEquiv(a, b, keysA, memos, iterationType);
    set.delete(a);
    set.delete(b);
    return result;
  }
  return true;
}

function setHasEqual(set, value, memos) {
  for (const candidate of set) {
    if (deepEqual(value, candidate, memos)) {
      set.delete(candidate);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, memos) {
  let objects = null;
  for (const value of a) {
    if (typeof value === 'object' && value !== null) (objects ??= new Set()).add(value);
    else if (!b.has(value)) return false;
  }
  if (objects === null) return true;
  for (const value of b) {
    if (typeof value === 'object' && value !== null && !setHasEqual(objects, value, memos)) {
      return false;
    }
  }
  return objects.size === 0;
}

function mapHasEqualEntry(keys, map, key, value, memos) {
  for (const candidate of keys) {
    if (deepEqual(key, candidate, memos) && deepEqual(value, map.get(candidate), memos)) {
      keys.delete(candidate);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, memos) {
  let objectKeys = null;
  for (const [key, value] of a) {
    if (typeof key === 'object' && key !== null) {
      (objectKeys ??= new Set()).add(key);
    } else {
      const other = b.get(key);
      if ((other === undefined && !b.has(key)) || !deepEqual(value, other, memos)) return false;
    }
  }
  if (objectKeys === null) return true;
  for (const [key, value] of b) {
    if (typeof key === 'object' && key !== null &&
        !mapHasEqualEntry(objectKeys, a, key, value, memos)) {
      return false;
    }
  }
  return objectKeys.size === 0;
}

function objEquiv(a, b, keys, memos, iterationType) {
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !deepEqual(a[i], b[i], memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // Sparse: compare the remaining own keys.
        const keysA = Object.keys(a);
        for (; i < keysA.length; i++) {
          const key = keysA[i];
          if (!hasOwn(b, key) || !deepEqual(a[key], b[key], memos)) return false;
        }
        return keysA.length === Object.keys(b).length;
      }
    }
  }
  for (const key of keys) {
    if (!deepEqual(a[key], b[key], memos)) return false;
  }
  return true;
}

function isDeepStrictEqual(a, b) {
  return deepEqual(a, b, undefined);
}

// util.callbackify: as Node's, a falsy rejection becomes an Error with code
// ERR_FALSY_VALUE_REJECTION carrying it as `reason`.
function callbackify(original) {
  if (typeof original !== 'function') {
    throw invalidArgType('original', 'of type function', original);
  }
  function callbackified(...args) {
    const cb = args.pop();
    if (typeof cb !== 'function') {
      throw invalidArgType('last argument', 'of type function', cb);
    }
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
        (value) => process.nextTick(cb, null, value),
        (reason) => process.nextTick(onRejected, reason));
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
  const spec = String(process.env.NODE_DEBUG || '');
  const enabled = spec.split(/[\s,]+/).filter(Boolean).some((pattern) => new RegExp(
      '^' + pattern.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i')
      .test(section));
  const pid = process.pid;
  function logger(...args) {
    if (enabled) process.stderr.write(`${section} ${pid}: ${format(...args)}\n`);
  }
  Object.defineProperty(logger, 'enabled',
                        { get: () => enabled, enumerable: true, configurable: true });
  if (typeof cb === 'function') cb(logger);
  return logger;
}

module.exports = {
  inspect, format, formatWithOptions, inherits, promisify, deprecate, types, isDeepStrictEqual,
  isArray: Array.isArray, callbackify, debuglog, debug: debuglog,
  stripVTControlCharacters(str) { return loadInspect().stripVTControlCharacters(str); },
};
for (const name of ['TextEncoder', 'TextDecoder']) {  // loaded on first use, as the globals
  Object.defineProperty(module.exports, name, {
    get() { return require('internal/encoding')[name]; },
    enumerable: true, configurable: true,
  });
}
