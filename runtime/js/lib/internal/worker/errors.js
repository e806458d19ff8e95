// Errors crossing from a worker to its parent.
'use strict';
const messaging = require('internal/messaging');
const { inspect } = require('internal/util/format');

// A child's uncaught error crosses to its parent as plain data (name,
// message, stack and own properties, as Node's error serializer keeps them).
const kErrorMarker = '__isletSerializedError';
const kSymbolMarker = '__isletSerializedSymbol';
// An error a worker did not catch travels to its parent as Node's
// error_serdes sends it: an error whose prototype chain holds one of the
// standard constructors arrives as that constructor, with every property
// found along the chain (values only: no accessors, no functions) as its
// own, its stack decorated with the source line it was thrown from
// (`arrow`, as Node decorates it). Anything else is cloned, else inspected.
const standardErrors = { Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError,
                         EvalError };
function standardErrorName(err) {
  for (let o = err; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    const name = d && d.value && Object.getOwnPropertyDescriptor(d.value, 'name');
    if (name && Object.prototype.hasOwnProperty.call(standardErrors, name.value)) {
      return name.value;
    }
  }
  return undefined;
}
function allProperties(object, target) {
  const all = object === null ? {} : allProperties(Object.getPrototypeOf(object), target);
  if (object === null) return all;
  for (const key of Object.getOwnPropertyNames(object)) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(object, key); } catch { continue; }
    if (d.get && key !== '__proto__') {
      try { d.value = Reflect.apply(d.get, target, []); } catch {}
    }
    if ('value' in d && typeof d.value !== 'function') {
      all[key] = { value: d.value, writable: !!d.writable, enumerable: !!d.enumerable,
                   configurable: !!d.configurable };
    }
  }
  return all;
}
function errorForParent(err, arrow) {
  try {
    if (typeof err === 'object' && err !== null &&
        Object.prototype.toString.call(err) === '[object Error]') {
      const ctor = standardErrorName(err);
      if (ctor !== undefined) {
        if (arrow && typeof err.stack === 'string') err.stack = arrow + '\n' + err.stack;
        const payload = { [kErrorMarker]: true, ctor, properties: allProperties(err, err) };
        messaging.structuredClone(payload);  // throws if something in it cannot travel
        return payload;
      }
    }
  } catch {}
  // A symbol arrives as the registered symbol of its description, as Node's
  // kInspectedSymbol makes it (Symbol.for, '' for none).
  if (typeof err === 'symbol') return { [kSymbolMarker]: true, description: err.description ?? '' };
  try {
    return messaging.structuredClone(err);
  } catch {
    return inspect(err);
  }
}
function reviveError(value) {
  if (value !== null && typeof value === 'object' && value[kSymbolMarker] === true) {
    return Symbol.for(value.description);
  }
  if (value === null || typeof value !== 'object' || value[kErrorMarker] !== true) return value;
  const properties = value.properties;
  properties[Symbol.toStringTag] = { value: 'Error', configurable: true };
  return Object.create(standardErrors[value.ctor].prototype, properties);
}

module.exports = { errorForParent, reviveError };
