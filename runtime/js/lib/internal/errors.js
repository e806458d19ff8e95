// Node's error shapes for islet's builtins: ERR_INVALID_ARG_TYPE and
// friends, worded as Node words them, and `nodeError` for any ERR_* code.
'use strict';
const {
  MapPrototypeGet, MapPrototypeSet, MathAbs, NumberIsInteger, ObjectDefineProperty, SafeMap,
  String: NativeString, StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeSlice,
} = primordials;
// util.inspect, loaded only when an error has to show a value.
const inspect = (value, options) => require('internal/util/format').inspect(value, options);

// Node's ERR_INVALID_ARG_TYPE, worded as Node words it ("Received type
// string ('x')", "Received an instance of Map", ...).
function describeReceived(v) {
  if (v === null || v === undefined) return NativeString(v);
  if (typeof v === 'function') return 'function ' + v.name;  // Node's: 'function ' if anonymous
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return 'an instance of ' + v.constructor.name;
    return inspect(v, { depth: -1 });
  }
  // Node shortens a long string (not other values) to 25 characters.
  const shown = typeof v === 'string' && v.length > 28 ? StringPrototypeSlice(v, 0, 25) + '...' : v;
  return 'type ' + typeof v + ' (' + inspect(shown, { colors: false }) + ')';
}
function invalidArgType(name, expected, actual) {
  // Node's wording: 'The "x" argument', 'The "o.x" property', 'The first argument'.
  const subject = StringPrototypeEndsWith(name, ' argument') ? name
      : '"' + name + '" ' + (StringPrototypeIncludes(name, '.') ? 'property' : 'argument');
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                   'The ' + subject + ' must be ' + expected + '. Received ' +
                       describeReceived(actual));
}
// Node's ERR_OUT_OF_RANGE: integers past 2**32 shown with separators.
function outOfRange(name, range, received) {
  let shown;
  if (NumberIsInteger(received) && MathAbs(received) > 2 ** 32) {
    const digits = NativeString(received);
    const start = digits[0] === '-' ? 1 : 0;
    let rest = '';
    let i = digits.length;
    for (; i >= start + 4; i -= 3) rest = '_' + StringPrototypeSlice(digits, i - 3, i) + rest;
    shown = StringPrototypeSlice(digits, 0, i) + rest;
  } else {
    shown = inspect(received);
  }
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
                   'The value of "' + name + '" is out of range. It must be ' + range +
                           '. Received ' + shown);
}
// Node's ERR_MISSING_ARGS: 'The "a" argument' or 'The "a" and "b" arguments'.
function missingArgs(...names) {
  const what = names.length === 1 ? `The "${names[0]}" argument`
                                  : `The "${names[0]}" and "${names[1]}" arguments`;
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `${what} must be specified`);
}
// Node's check of an options.signal: anything with `aborted` passes (islet's
// own AbortSignal, or a look-alike).
function checkAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}
// Node's AbortError, its cause the signal's reason.
function abortError(signal) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  e.cause = signal.reason;
  return e;
}
// Node's internal errors (ERR_*): `code` an own property, the stack and
// toString reading 'Error [CODE]: message', `name` the base's. Made while
// scripts run, so only captured built-ins are used.
const nodeErrorClasses = new SafeMap();
function nodeError(Base, code, message) {
  let Class = MapPrototypeGet(nodeErrorClasses, Base);
  if (Class === undefined) {
    Class = class extends Base {
      toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    };
    ObjectDefineProperty(Class, 'name', { __proto__: null, value: Base.name });
    MapPrototypeSet(nodeErrorClasses, Base, Class);
  }
  const err = new Class(message);
  const own = (key, value) => ObjectDefineProperty(err, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
  // V8 writes the stack's first line from the name when the stack is first
  // read: read it under the decorated name, then drop the own name.
  own('name', `${Base.name} [${code}]`);
  try {
    void err.stack;
  } catch {
    // a script's Error.prepareStackTrace threw: the stack is its business
  }
  delete err.name;
  own('code', code);
  return err;
}

module.exports = {
  describeReceived, invalidArgType, outOfRange, missingArgs, checkAbortSignal, abortError,
  nodeError,
};
