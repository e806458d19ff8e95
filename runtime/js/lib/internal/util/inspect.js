'use strict';
// util.inspect, util.format and friends for islet.
//
// This is islet's own implementation. Its specification is the *observable*
// behaviour of Node.js 20: for the same value and options every function here
// returns the same string, byte for byte, as Node's does (verified by the
// differential harness in inspect_check.mjs and by the conformance cases).
// Where Node's output has odd corners (how long arrays are laid out in
// columns, when an object is put on one line, how error stacks are
// decorated...) those corners are reproduced on purpose; the comments say so.
//
// Module shape: a builtin module (internal/util/inspect), exporting { inspect, format, formatWithOptions, getStringWidth,
//   stripVTControlCharacters, identicalSequenceRange, inspectDefaultOptions,
//   setPublicInspect }.
//
// The natives it uses (the `util` and `types` native modules, and the
// worker's cwd; every member optional, with pure-JS fallbacks otherwise):
//   getPromiseState(p)        -> [state, result]; state 0 pending, 1 fulfilled, 2 rejected
//   getProxyDetails(p)        -> [target, handler] (target null once revoked), undefined for non-proxies
//   previewEntries(o, isIter) -> isIter ? [entries, isKeyValue] : flat entries (Map/Set iterators, WeakMap/WeakSet)
//   getConstructorName(o)     -> V8's idea of the class name (used only for objects whose
//                                prototype chain has no usable `constructor`)
//   types                     -> predicates as in util.types
//   cwd()                     -> working directory, used to dim it in coloured stack traces
// The loader's isBuiltinId tells whether `node:<id>` names one of islet's
// own modules (internal ones included), for the same purpose.
//
// Robustness: every built-in operation goes through `primordials` (captured
// before user code ran), internal records have null prototypes, and no
// iteration protocol, Symbol.replace/split lookup or spread of a user-visible
// array is used, so scripts that patch built-in prototypes cannot change what
// this module prints (or make it throw).

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  ArrayBufferPrototypeGetByteLength,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DataViewPrototypeGetBuffer,
  DatePrototypeGetTime,
  DatePrototypeToISOString,
  DatePrototypeToString,
  Error,
  ErrorPrototypeToString,
  FunctionPrototypeToString,
  JSONStringify,
  MapIteratorPrototypeNext,
  MapPrototypeEntries,
  MapPrototypeGetSize,
  MathMax,
  MathMin,
  MathRound,
  MathSqrt,
  MathFloor,
  MathTrunc,
  Number,
  NumberIsFinite,
  NumberIsNaN,
  NumberParseFloat,
  NumberParseInt,
  NumberPrototypeToString,
  NumberPrototypeValueOf,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototype,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypeIsPrototypeOf,
  ObjectPrototypePropertyIsEnumerable,
  ObjectPrototypeToString,
  ObjectSeal,
  ObjectSetPrototypeOf,
  ReflectApply,
  ReflectOwnKeys,
  RegExp,
  RegExpPrototype,
  RegExpPrototypeExec,
  RegExpPrototypeGetSource,
  RegExpPrototypeToString,
  SafeMap,
  SafeSet,
  SetIteratorPrototypeNext,
  SetPrototypeGetSize,
  SetPrototypeValues,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeNormalize,
  StringPrototypePadEnd,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeValueOf,
  SymbolFor,
  SymbolIterator,
  SymbolPrototypeToString,
  SymbolPrototypeValueOf,
  SymbolToStringTag,
  TypeError,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8Array,
  WeakMapPrototypeHas,
  WeakSetPrototypeHas,
  encodeURI,
} = primordials;

// Map/Set methods used on the module's own SafeMap/SafeSet instances resolve
// on their frozen prototypes; these are the same functions, uncurried.
const SafeMapGet = primordials.MapPrototypeGet;
const SafeMapSet = primordials.MapPrototypeSet;
const SafeSetHas = primordials.SetPrototypeHas;
const SafeSetAdd = primordials.SetPrototypeAdd;

// ===========================================================================
// Natives, each with a pure-JS stand-in
// ===========================================================================

const nativeSource = {
  __proto__: null,
  ...internalBinding('util'),
  types: internalBinding('types'),
  cwd: () => require('internal/process').info.cwd,
};
const nativeTypes = nativeSource.types !== null && typeof nativeSource.types === 'object' ?
  nativeSource.types : { __proto__: null };

// A brand check by calling a built-in that throws for foreign receivers.
function acceptedBy(fn, value) {
  try {
    fn(value);
    return true;
  } catch {
    return false;
  }
}

function builtinTagOf(value) {
  try {
    return ObjectPrototypeToString(value);
  } catch {
    return '';
  }
}

const fallbackTypes = {
  __proto__: null,
  isMap: (v) => acceptedBy(MapPrototypeGetSize, v),
  isSet: (v) => acceptedBy(SetPrototypeGetSize, v),
  isWeakMap: (v) => acceptedBy((o) => WeakMapPrototypeHas(o, ObjectPrototype), v),
  isWeakSet: (v) => acceptedBy((o) => WeakSetPrototypeHas(o, ObjectPrototype), v),
  isDate: (v) => acceptedBy(DatePrototypeGetTime, v),
  // RegExp.prototype.source is lenient for RegExp.prototype itself only.
  isRegExp: (v) => v !== RegExpPrototype && acceptedBy(RegExpPrototypeGetSource, v),
  isTypedArray: (v) => TypedArrayPrototypeGetSymbolToStringTag(v) !== undefined,
  isArrayBuffer: (v) => acceptedBy(ArrayBufferPrototypeGetByteLength, v),
  isSharedArrayBuffer: (v) => typeof primordials.SharedArrayBufferPrototypeGetByteLength === 'function' &&
    acceptedBy(primordials.SharedArrayBufferPrototypeGetByteLength, v),
  isDataView: (v) => acceptedBy(DataViewPrototypeGetBuffer, v),
  isNumberObject: (v) => acceptedBy(NumberPrototypeValueOf, v),
  isStringObject: (v) => acceptedBy(StringPrototypeValueOf, v),
  isBooleanObject: (v) => acceptedBy(BooleanPrototypeValueOf, v),
  isBigIntObject: (v) => acceptedBy(BigIntPrototypeValueOf, v),
  isSymbolObject: (v) => acceptedBy(SymbolPrototypeValueOf, v),
  // No side-effect-free brand check exists for these in plain JS; the
  // built-in tag is right unless a script forged Symbol.toStringTag.
  isNativeError: (v) => builtinTagOf(v) === '[object Error]',
  isArgumentsObject: (v) => builtinTagOf(v) === '[object Arguments]',
  isPromise: (v) => (typeof nativeSource.getPromiseState === 'function' ?
    nativeSource.getPromiseState(v) !== undefined : builtinTagOf(v) === '[object Promise]'),
  isMapIterator: (v) => builtinTagOf(v) === '[object Map Iterator]',
  isSetIterator: (v) => builtinTagOf(v) === '[object Set Iterator]',
  isModuleNamespaceObject: (v) => builtinTagOf(v) === '[object Module]' && ObjectGetPrototypeOf(v) === null,
  // Async generator functions count as both async and generator functions.
  isAsyncFunction: (v) => {
    const proto = ObjectGetPrototypeOf(v);
    return proto !== null && (proto === primordials.AsyncFunctionPrototype ||
                              proto === primordials.AsyncGeneratorFunctionPrototype);
  },
  isGeneratorFunction: (v) => {
    const proto = ObjectGetPrototypeOf(v);
    return proto !== null && (proto === primordials.GeneratorFunctionPrototype ||
                              proto === primordials.AsyncGeneratorFunctionPrototype);
  },
  isExternal: () => false,
};
fallbackTypes.isAnyArrayBuffer = (v) => types.isArrayBuffer(v) || types.isSharedArrayBuffer(v);
fallbackTypes.isBoxedPrimitive = (v) => types.isNumberObject(v) || types.isStringObject(v) ||
  types.isBooleanObject(v) || types.isBigIntObject(v) || types.isSymbolObject(v);

// The predicate table actually used: native where present, fallback else.
const types = { __proto__: null };
{
  const names = ObjectKeys(fallbackTypes);
  for (let i = 0; i < names.length; i++) {
    const native = nativeTypes[names[i]];
    types[names[i]] = typeof native === 'function' ? native : fallbackTypes[names[i]];
  }
}

// [target, handler] for a proxy (target === null once revoked), else undefined.
function proxyDetailsOf(value) {
  if (typeof nativeSource.getProxyDetails !== 'function') return undefined;
  const details = nativeSource.getProxyDetails(value);
  if (details === undefined || details === null) return details === null ? null : undefined;
  if (!ArrayIsArray(details)) return [details, undefined];
  return details;
}

// [state, result] or undefined when the state cannot be known.
function promiseStateOf(promise) {
  if (typeof nativeSource.getPromiseState !== 'function') return undefined;
  return nativeSource.getPromiseState(promise);
}

function previewEntriesOf(value, isIterator) {
  if (typeof nativeSource.previewEntries !== 'function') return undefined;
  return isIterator ? nativeSource.previewEntries(value, true) : nativeSource.previewEntries(value);
}

// The class name V8 associates with an object; used only when the prototype
// chain offers no usable `constructor`. Without the native, the first
// function-valued `constructor` data property found on the chain is the best
// available guess.
function engineClassNameOf(value) {
  if (typeof nativeSource.getConstructorName === 'function') return nativeSource.getConstructorName(value);
  let obj = value;
  while (obj !== null) {
    const desc = ownDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && typeof desc.value.name === 'string' &&
        desc.value.name !== '') {
      return desc.value.name;
    }
    obj = ObjectGetPrototypeOf(obj);
  }
  if (typeof value === 'function') return 'Function';
  return ArrayIsArray(value) ? 'Array' : 'Object';
}

function currentDirectory() {
  try {
    if (typeof nativeSource.cwd === 'function') return nativeSource.cwd();
    const proc = primordials.globalThis !== undefined ? primordials.globalThis.process : undefined;
    if (proc !== null && typeof proc === 'object' && typeof proc.cwd === 'function') return proc.cwd();
  } catch {
    // No working directory: stack traces are simply not dimmed.
  }
  return undefined;
}

// Core module ids (`node:<id>` frames are dimmed in coloured stack traces).
const coreModuleIds = new SafeSet();
{
  const ids = [
    '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
    '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
    '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap',
    'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
    'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
    'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises',
    'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
    'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
    'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
    'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
    'wasi', 'worker_threads', 'zlib', 'test',
  ];
  for (let i = 0; i < ids.length; i++) SafeSetAdd(coreModuleIds, ids[i]);
}
function isCoreModuleId(id) {
  {
    try {
      if (require('internal/bootstrap/loaders').isBuiltinId(id)) return true;
    } catch {
      // Fall through to the static list.
    }
  }
  return SafeSetHas(coreModuleIds, id);
}

// Names of the ECMAScript global constructors: objects whose constructor has
// one of these names count as built-in (for %s formatting and for showing
// prototype members with showHidden).
const builtinNames = new SafeSet();
{
  const names = [
    'Object', 'Function', 'Array', 'Number', 'Infinity', 'NaN', 'Boolean', 'String', 'Symbol',
    'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
    'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl',
    'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array',
    'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array',
    'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy',
    'Reflect', 'FinalizationRegistry', 'WeakRef', 'Atomics', 'WebAssembly',
  ];
  // (SharedArrayBuffer is deliberately absent: Node treats it as user-land
  // here and lists its prototype accessors with showHidden.)
  for (let i = 0; i < names.length; i++) SafeSetAdd(builtinNames, names[i]);
}

// ===========================================================================
// Small text helpers that never consult patchable protocols
// ===========================================================================

function ownDescriptor(obj, key) {
  const desc = ObjectGetOwnPropertyDescriptor(obj, key);
  if (desc !== undefined) ObjectSetPrototypeOf(desc, null);
  return desc;
}

function replaceEvery(text, find, replacement) {
  let at = StringPrototypeIndexOf(text, find);
  if (at === -1) return text;
  let out = '';
  let from = 0;
  while (at !== -1) {
    out += `${StringPrototypeSlice(text, from, at)}${replacement}`;
    from = at + find.length;
    at = StringPrototypeIndexOf(text, find, from);
  }
  return `${out}${StringPrototypeSlice(text, from)}`;
}

// Replaces each match of the global regexp `re` by mapper(match).
function replaceMatches(re, text, mapper) {
  re.lastIndex = 0;
  let out = '';
  let from = 0;
  let match;
  while ((match = RegExpPrototypeExec(re, text)) !== null) {
    out += `${StringPrototypeSlice(text, from, match.index)}${mapper(match)}`;
    from = match.index + match[0].length;
    if (match[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return from === 0 && out === '' ? text : `${out}${StringPrototypeSlice(text, from)}`;
}

function splitOn(text, separator) {
  const parts = [];
  let from = 0;
  let at = StringPrototypeIndexOf(text, separator);
  while (at !== -1) {
    ArrayPrototypePush(parts, StringPrototypeSlice(text, from, at));
    from = at + separator.length;
    at = StringPrototypeIndexOf(text, separator, from);
  }
  ArrayPrototypePush(parts, StringPrototypeSlice(text, from));
  return parts;
}

function spaces(n) {
  return StringPrototypeRepeat(' ', n);
}

// ===========================================================================
// Errors thrown by the API
// ===========================================================================

// How Node describes the offending value in ERR_INVALID_ARG_TYPE messages.
function describeReceived(value) {
  if (value === null || value === undefined) return `${value}`;
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && 'name' in value.constructor) {
      return `an instance of ${value.constructor.name}`;
    }
    return inspect(value, { depth: -1 });
  }
  let shown;
  if (typeof value === 'string') {
    let text = value;
    if (text.length > 28) text = `${StringPrototypeSlice(text, 0, 25)}...`;
    shown = StringPrototypeIncludes(text, "'") ? JSONStringify(text) : `'${text}'`;
  } else {
    shown = inspect(value, { colors: false });
  }
  return `type ${typeof value} (${shown})`;
}

// Errors shaped like Node's own: own `stack`, enumerable `code`, then a
// non-enumerable `message`; the stack's first line and toString() carry the
// code ("TypeError [ERR_X]: ...").
class NodeStyleTypeError extends TypeError {
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function nodeTypeError(code, message) {
  const err = new NodeStyleTypeError();
  const define = (key, value, enumerable) => ObjectDefineProperty(err, key, {
    __proto__: null, value, enumerable, configurable: true, writable: true,
  });
  define('code', code, true);
  define('message', message, false);
  // V8 renders the stack on first access, from the error's current name.
  define('name', `TypeError [${code}]`, false);
  err.stack; // eslint-disable-line no-unused-expressions
  delete err.name;
  return err;
}

function invalidArgType(name, expected, actual) {
  return nodeTypeError('ERR_INVALID_ARG_TYPE',
                       `The "${name}" argument must be ${expected}. Received ${describeReceived(actual)}`);
}

// ===========================================================================
// Options, colours, styles
// ===========================================================================

const inspectDefaultOptions = ObjectSeal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');

// SGR codes: name -> [open, close].
const colorTable = { __proto__: null };
{
  const codes = [
    ['reset', 0, 0], ['bold', 1, 22], ['dim', 2, 22], ['italic', 3, 23], ['underline', 4, 24],
    ['blink', 5, 25], ['inverse', 7, 27], ['hidden', 8, 28], ['strikethrough', 9, 29],
    ['doubleunderline', 21, 24], ['black', 30, 39], ['red', 31, 39], ['green', 32, 39],
    ['yellow', 33, 39], ['blue', 34, 39], ['magenta', 35, 39], ['cyan', 36, 39], ['white', 37, 39],
    ['bgBlack', 40, 49], ['bgRed', 41, 49], ['bgGreen', 42, 49], ['bgYellow', 43, 49],
    ['bgBlue', 44, 49], ['bgMagenta', 45, 49], ['bgCyan', 46, 49], ['bgWhite', 47, 49],
    ['framed', 51, 54], ['overlined', 53, 55], ['gray', 90, 39], ['redBright', 91, 39],
    ['greenBright', 92, 39], ['yellowBright', 93, 39], ['blueBright', 94, 39],
    ['magentaBright', 95, 39], ['cyanBright', 96, 39], ['whiteBright', 97, 39],
    ['bgGray', 100, 49], ['bgRedBright', 101, 49], ['bgGreenBright', 102, 49],
    ['bgYellowBright', 103, 49], ['bgBlueBright', 104, 49], ['bgMagentaBright', 105, 49],
    ['bgCyanBright', 106, 49], ['bgWhiteBright', 107, 49],
  ];
  for (let i = 0; i < codes.length; i++) colorTable[codes[i][0]] = [codes[i][1], codes[i][2]];
  // Alternative spellings: non-enumerable accessors onto the canonical entry.
  const aliases = [
    ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'],
    ['faint', 'dim'], ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'],
    ['crossedOut', 'strikethrough'], ['conceal', 'hidden'], ['swapColors', 'inverse'],
    ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline'],
  ];
  for (let i = 0; i < aliases.length; i++) {
    const target = aliases[i][1];
    ObjectDefineProperty(colorTable, aliases[i][0], {
      __proto__: null,
      get() { return this[target]; },
      set(value) { this[target] = value; },
      configurable: true,
      enumerable: false,
    });
  }
}

// Semantic style -> colour name.
const styleTable = ObjectAssign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function plainStylize(text) {
  return text;
}

// Reads inspect.styles / inspect.colors at call time: scripts may edit them.
function colorStylize(text, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${text}\u001b[${color[1]}m`;
  }
  return text;
}

// ===========================================================================
// Primitives
// ===========================================================================

// Escape for one UTF-16 unit that cannot appear raw inside a quoted string.
function escapeUnit(code) {
  switch (code) {
    case 8: return '\\b';
    case 9: return '\\t';
    case 10: return '\\n';
    case 12: return '\\f';
    case 13: return '\\r';
    case 39: return "\\'";
    case 92: return '\\\\';
    default:
      if (code >= 0xd800 && code <= 0xdfff) return `\\u${NumberPrototypeToString(code, 16)}`;
      return `\\x${upperHex(code)}`;
  }
}

const HEX_DIGITS = '0123456789ABCDEF';
function upperHex(code) {
  return `${HEX_DIGITS[code >> 4]}${HEX_DIGITS[code & 15]}`;
}

// True for units that need escaping whatever the quote: C0/C1 controls,
// DEL, backslash. Lone surrogates are handled by the caller.
function needsEscape(code) {
  return code < 32 || code === 92 || (code > 126 && code < 160);
}

// Escapes `text` for display inside quotes of kind `quote` (39 ' or other);
// lone surrogates become \uXXXX.
function escapeText(text, quote) {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = StringPrototypeCharCodeAt(text, i);
    if (code === quote || needsEscape(code)) {
      out += `${StringPrototypeSlice(text, from, i)}${escapeUnit(code)}`;
      from = i + 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && i + 1 < text.length) {
        const next = StringPrototypeCharCodeAt(text, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      out += `${StringPrototypeSlice(text, from, i)}${escapeUnit(code)}`;
      from = i + 1;
    }
  }
  return from === 0 ? text : `${out}${StringPrototypeSlice(text, from)}`;
}

// Quotes a string the way Node does: single quotes by default; double quotes
// if the text has a ' but no "; backticks if it has both but neither ` nor
// ${; otherwise single quotes with \' escapes.
function quote(text) {
  let mark = 39;
  if (StringPrototypeIncludes(text, "'")) {
    if (!StringPrototypeIncludes(text, '"')) {
      mark = 34;
    } else if (!StringPrototypeIncludes(text, '`') && !StringPrototypeIncludes(text, '${')) {
      mark = 96;
    }
  }
  const q = mark === 39 ? "'" : mark === 34 ? '"' : '`';
  return `${q}${escapeText(text, mark)}${q}`;
}

// Escapes used for symbol descriptions and hidden key names (no quotes, but
// a ' is still escaped).
function escapeBare(text) {
  return escapeText(text, 39);
}

// Digits grouped in threes from the right: 1234567 -> 1_234_567. Operates on
// the text as given (a leading '-' is not counted).
function groupFromRight(text) {
  const signLength = StringPrototypeStartsWith(text, '-') ? 1 : 0;
  let head = text;
  let tail = '';
  while (head.length - signLength >= 4) {
    tail = `_${StringPrototypeSlice(head, -3)}${tail}`;
    head = StringPrototypeSlice(head, 0, -3);
  }
  return `${head}${tail}`;
}

// Fraction digits grouped in threes from the left: 1234567 -> 123_456_7.
function groupFromLeft(text) {
  let out = '';
  let rest = text;
  while (rest.length > 3) {
    out += `${StringPrototypeSlice(rest, 0, 3)}_`;
    rest = StringPrototypeSlice(rest, 3);
  }
  return `${out}${rest}`;
}

function numberText(stylize, value, separators) {
  if (!separators) {
    if (ObjectIs(value, -0)) return stylize('-0', 'number');
    return stylize(`${value}`, 'number');
  }
  const text = `${value}`;
  if (MathTrunc(value) === value) {
    // Integral (this includes -0, printed as "0" here, and huge values).
    if (!NumberIsFinite(value) || StringPrototypeIncludes(text, 'e')) return stylize(text, 'number');
    return stylize(groupFromRight(text), 'number');
  }
  if (NumberIsNaN(value)) return stylize(text, 'number');
  // Split at the decimal point. Exponent notation has none, and then Node's
  // grouping applies to the odd halves that result; reproduced as is.
  const dot = StringPrototypeIndexOf(text, '.');
  return stylize(`${groupFromRight(StringPrototypeSlice(text, 0, dot))}.` +
                 `${groupFromLeft(StringPrototypeSlice(text, dot + 1))}`, 'number');
}

function bigintText(stylize, value, separators) {
  const text = `${value}`;
  return stylize(`${separators ? groupFromRight(text) : text}n`, 'bigint');
}

// Strings shorter than this are never split over lines.
const MIN_SPLIT_LENGTH = 16;

function primitiveText(stylize, value, state) {
  if (typeof value === 'string') {
    let suffix = '';
    if (value.length > state.maxStringLength) {
      const cut = value.length - state.maxStringLength;
      value = StringPrototypeSlice(value, 0, state.maxStringLength);
      suffix = `... ${cut} more character${cut > 1 ? 's' : ''}`;
    }
    if (state.compact !== true && value.length > MIN_SPLIT_LENGTH &&
        value.length > state.breakLength - state.indent - 4) {
      // One quoted piece per line of text, joined with " +".
      const pieces = [];
      let from = 0;
      let nl = StringPrototypeIndexOf(value, '\n');
      while (nl !== -1 && nl + 1 < value.length) {
        ArrayPrototypePush(pieces, stylize(quote(StringPrototypeSlice(value, from, nl + 1)), 'string'));
        from = nl + 1;
        nl = StringPrototypeIndexOf(value, '\n', from);
      }
      ArrayPrototypePush(pieces, stylize(quote(StringPrototypeSlice(value, from)), 'string'));
      return `${ArrayPrototypeJoin(pieces, ` +\n${spaces(state.indent + 2)}`)}${suffix}`;
    }
    return `${stylize(quote(value), 'string')}${suffix}`;
  }
  if (typeof value === 'number') return numberText(stylize, value, state.numericSeparator);
  if (typeof value === 'bigint') return bigintText(stylize, value, state.numericSeparator);
  if (typeof value === 'boolean') return stylize(`${value}`, 'boolean');
  if (typeof value === 'undefined') return stylize('undefined', 'undefined');
  // Symbols. (Anything else reaching here - a getter's function result -
  // makes this throw, which the getter display reports, as Node does.)
  return stylize(SymbolPrototypeToString(value), 'symbol');
}

// ===========================================================================
// The printer
// ===========================================================================
//
// One `state` record per top-level inspect() call: the effective options plus
// the traversal bookkeeping.
//   indent      columns the current value is indented by (Node's layout uses it)
//   lastEntered nesting level of the most recently expanded object; compact
//               mode only joins an object onto one line when that is within
//               `compact` levels of it
//   stack       objects being expanded (cycle detection)
//   refIds      object -> n for `<ref *n>` / `[Circular *n]`
//   budget      output size per indentation, to give up on enormous outputs

function newState() {
  const d = inspectDefaultOptions;
  return {
    __proto__: null,
    showHidden: d.showHidden,
    depth: d.depth,
    colors: d.colors,
    customInspect: d.customInspect,
    showProxy: d.showProxy,
    maxArrayLength: d.maxArrayLength,
    maxStringLength: d.maxStringLength,
    breakLength: d.breakLength,
    compact: d.compact,
    sorted: d.sorted,
    getters: d.getters,
    numericSeparator: d.numericSeparator,
    stylize: plainStylize,
    userOptions: undefined,
    indent: 0,
    lastEntered: 0,
    stack: [],
    refIds: undefined,
    budget: { __proto__: null },
  };
}

// How a property is shown: an array element (value only), an extra property
// of an array-like (name: value, array-like layout), or an object field.
const ITEM = 0;
const EXTRA = 1;
const FIELD = 2;

function beyondDepth(state, level) {
  return level > state.depth && state.depth !== null;
}

function moreItemsText(count) {
  return `... ${count} more item${count > 1 ? 's' : ''}`;
}

// The options object a custom inspect function receives: a copy of the
// effective options plus stylize and whatever extra keys the caller passed.
function optionsForCustom(state, foreign) {
  const copy = {
    stylize: state.stylize,
    showHidden: state.showHidden,
    depth: state.depth,
    colors: state.colors,
    customInspect: state.customInspect,
    showProxy: state.showProxy,
    maxArrayLength: state.maxArrayLength,
    maxStringLength: state.maxStringLength,
    breakLength: state.breakLength,
    compact: state.compact,
    sorted: state.sorted,
    getters: state.getters,
    numericSeparator: state.numericSeparator,
    ...state.userOptions,
  };
  if (foreign) {
    // The receiver is a proxy or comes from another realm: hand over no
    // objects or functions of ours, only primitives and a wrapped stylize
    // (which therefore ends up as the last key).
    ObjectSetPrototypeOf(copy, null);
    const keys = ObjectKeys(copy);
    for (let i = 0; i < keys.length; i++) {
      const v = copy[keys[i]];
      if ((typeof v === 'object' && v !== null) || typeof v === 'function') delete copy[keys[i]];
    }
    const stylize = state.stylize;
    copy.stylize = ObjectSetPrototypeOf((text, styleType) => {
      let out;
      try {
        out = `${stylize(text, styleType)}`;
      } catch {
        // Fall back to the unstyled text.
      }
      return typeof out === 'string' ? out : text;
    }, null);
  }
  return copy;
}

function refIdOf(state, value) {
  if (state.refIds === undefined) state.refIds = new SafeMap();
  let id = SafeMapGet(state.refIds, value);
  if (id === undefined) {
    id = state.refIds.size + 1;
    SafeMapSet(state.refIds, value, id);
  }
  return id;
}

// Renders any value at nesting `level`. `forTypedArray` is set when the value
// is the buffer of a typed array shown with showHidden.
function render(state, value, level, forTypedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return primitiveText(state.stylize, value, state);
  }
  if (value === null) return state.stylize('null', 'null');

  const receiver = value;
  const proxy = proxyDetailsOf(value);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return state.stylize('<Revoked Proxy>', 'special');
    if (state.showProxy) return proxyText(state, proxy, level);
    // Inspect the target instead: no trap runs.
    value = proxy[0];
  }

  if (state.customInspect) {
    const custom = value[customInspectSymbol];
    if (typeof custom === 'function' && custom !== inspect && custom !== publicInspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depthLeft = state.depth === null ? null : state.depth - level;
      const foreign = proxy !== undefined || !ObjectPrototypeIsPrototypeOf(ObjectPrototype, receiver);
      const result = ReflectApply(custom, receiver, [depthLeft, optionsForCustom(state, foreign), publicInspect]);
      if (result !== receiver) {
        if (typeof result !== 'string') return render(state, result, level);
        return replaceEvery(result, '\n', `\n${spaces(state.indent)}`);
      }
    }
  }

  if (ArrayPrototypeIncludes(state.stack, value)) {
    return state.stylize(`[Circular *${refIdOf(state, value)}]`, 'special');
  }
  return objectText(state, value, level, forTypedArray);
}

function proxyText(state, details, level) {
  if (beyondDepth(state, level)) return state.stylize('Proxy [Array]', 'special');
  level += 1;
  state.indent += 2;
  const parts = [render(state, details[0], level), render(state, details[1], level)];
  state.indent -= 2;
  return layout(state, parts, '', 'Proxy [', ']', true, level);
}

// "Foo ", "Foo(3) ", "Foo [Tag] ", "[Array(2): null prototype] ", ...
function labelFor(ctorName, tag, fallback, size = '') {
  if (ctorName === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && ctorName !== tag) return `${ctorName}${size} [${tag}] `;
  return `${ctorName}${size} `;
}

function isInstanceOf(value, ctor) {
  try {
    return value instanceof ctor;
  } catch {
    return false;
  }
}

// The name shown for an object's class: the nearest `constructor` on its
// prototype chain that really constructed it; null for a chain that ends in
// null without one; "X <Y>" descriptions for chains without a usable one.
// With showHidden, also collects prototype members into `protoEntries`.
function classNameOf(state, value, level, protoEntries) {
  let firstProto;
  let obj = value;
  while (obj !== null && obj !== undefined) {
    const desc = ownDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        isInstanceOf(value, desc.value)) {
      if (protoEntries !== undefined &&
          (firstProto !== obj || !SafeSetHas(builtinNames, desc.value.name))) {
        collectPrototypeEntries(state, value, firstProto || value, level, protoEntries);
      }
      return String(desc.value.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;

  const engineName = engineClassNameOf(value);
  if (beyondDepth(state, level)) return `${engineName} <Complex prototype>`;
  const protoName = classNameOf(state, firstProto, level + 1, protoEntries);
  if (protoName === null) {
    const shown = inspect(firstProto, {
      stylize: state.stylize, showHidden: state.showHidden, colors: state.colors,
      customInspect: false, depth: -1,
    });
    return `${engineName} <${shown}>`;
  }
  return `${engineName} <${protoName}>`;
}

// showHidden: data and accessor members of user-defined prototypes (up to
// three levels, stopping at a built-in one), skipping methods, `constructor`
// and names the object itself has. Dimmed when colouring.
function collectPrototypeEntries(state, main, start, level, out) {
  let proto = start;
  let seenKeys;
  let keys;
  for (let round = 0; round < 3; round++) {
    if (round !== 0 || main === proto) {
      proto = ObjectGetPrototypeOf(proto);
      if (proto === null) return;
      const desc = ownDescriptor(proto, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' && SafeSetHas(builtinNames, desc.value.name)) {
        return;
      }
    }
    if (round === 0) {
      seenKeys = new SafeSet();
    } else {
      for (let i = 0; i < keys.length; i++) SafeSetAdd(seenKeys, keys[i]);
    }
    keys = ReflectOwnKeys(proto);
    ArrayPrototypePush(state.stack, main);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'constructor' || ObjectPrototypeHasOwnProperty(main, key) ||
          (round !== 0 && SafeSetHas(seenKeys, key))) {
        continue;
      }
      const desc = ownDescriptor(proto, key);
      if (typeof desc.value === 'function') continue;
      const text = propertyText(state, proto, level, key, FIELD, desc, main);
      ArrayPrototypePush(out, state.colors ? `\u001b[2m${text}\u001b[22m` : text);
    }
    ArrayPrototypePop(state.stack);
  }
}

// Own keys to list for an object: enumerable ones (and enumerable symbols),
// or every own key with showHidden.
function listedKeys(state, value) {
  const symbols = ObjectGetOwnPropertySymbols(value);
  let keys;
  if (state.showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) ArrayPrototypePush(keys, symbols[i]);
    return keys;
  }
  try {
    keys = ObjectKeys(value);
  } catch (err) {
    // A module namespace with bindings still in their TDZ.
    if (!types.isModuleNamespaceObject(value)) throw err;
    keys = ObjectGetOwnPropertyNames(value);
  }
  for (let i = 0; i < symbols.length; i++) {
    if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
  }
  return keys;
}

// Canonical array index: "0", or digits without a leading zero, < 2**32 - 1.
function isIndexKey(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
  for (let i = 0; i < key.length; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  if (key.length > 1 && StringPrototypeCharCodeAt(key, 0) === 48) return false;
  return +key < 4294967295;
}

// Own keys of an array-like other than its indices (strings, then symbols).
function nonIndexKeys(state, value) {
  const all = ReflectOwnKeys(value);
  const keys = [];
  for (let i = 0; i < all.length; i++) {
    const key = all[i];
    if (isIndexKey(key)) continue;
    if (!state.showHidden && !ObjectPrototypePropertyIsEnumerable(value, key)) continue;
    ArrayPrototypePush(keys, key);
  }
  return keys;
}

function noEntries() {
  return [];
}

function objectText(state, value, level, forTypedArray) {
  let protoEntries;
  if (state.showHidden && (level <= state.depth || state.depth === null)) protoEntries = [];
  const ctorName = classNameOf(state, value, level, protoEntries);
  if (protoEntries !== undefined && protoEntries.length === 0) protoEntries = undefined;

  // A Symbol.toStringTag is shown next to the class name unless it is a key
  // that will be listed anyway.
  let tag = value[SymbolToStringTag];
  // When the tag is dropped that way, a prototype-less plain object is still
  // labelled with it: [Tag: null prototype] instead of [Object: ...].
  let objectFallback = 'Object';
  if (typeof tag !== 'string') {
    tag = '';
  } else if (tag !== '' && (state.showHidden ?
    ObjectPrototypeHasOwnProperty : ObjectPrototypePropertyIsEnumerable)(value, SymbolToStringTag)) {
    objectFallback = tag;
    tag = '';
  }

  // What the value looks like: `base` text before the braces (functions,
  // dates, errors...), the braces, whether it is laid out as a list, its
  // listed keys and the producer of its leading entries.
  const shape = {
    __proto__: null,
    base: '',
    open: '{',
    close: '}',
    list: false,
    keys: undefined,
    entries: noEntries,
    objectFallback,
  };
  const early = shapeOf(state, value, level, ctorName, tag, protoEntries, forTypedArray, shape);
  if (early !== undefined) return early;

  if (beyondDepth(state, level)) {
    let name = StringPrototypeSlice(labelFor(ctorName, tag, objectFallback), 0, -1);
    if (ctorName !== null) name = `[${name}]`;
    return state.stylize(name, 'special');
  }

  level += 1;
  ArrayPrototypePush(state.stack, value);
  state.lastEntered = level;
  const indentBefore = state.indent;
  const keys = shape.keys;
  let entries;
  try {
    entries = shape.entries(state, value, level, shape);
    const mode = shape.list ? EXTRA : FIELD;
    for (let i = 0; i < keys.length; i++) {
      ArrayPrototypePush(entries, propertyText(state, value, level, keys[i], mode));
    }
    if (protoEntries !== undefined) {
      for (let i = 0; i < protoEntries.length; i++) ArrayPrototypePush(entries, protoEntries[i]);
    }
  } catch (err) {
    return overflowText(state, err, StringPrototypeSlice(labelFor(ctorName, tag, objectFallback), 0, -1),
                        indentBefore);
  }

  if (state.refIds !== undefined) {
    const id = SafeMapGet(state.refIds, value);
    if (id !== undefined) {
      const ref = state.stylize(`<ref *${id}>`, 'special');
      if (state.compact !== true) {
        shape.base = shape.base === '' ? ref : `${ref} ${shape.base}`;
      } else {
        shape.open = `${ref} ${shape.open}`;
      }
    }
  }
  ArrayPrototypePop(state.stack);

  if (state.sorted) {
    const comparator = state.sorted === true ? undefined : state.sorted;
    if (!shape.list) {
      ArrayPrototypeSort(entries, comparator);
    } else if (keys.length > 1) {
      // Only the named properties after the elements are sorted.
      const from = entries.length - keys.length;
      const named = ArrayPrototypeSort(ArrayPrototypeSlice(entries, from), comparator);
      for (let i = 0; i < named.length; i++) entries[from + i] = named[i];
    }
  }

  const text = layout(state, entries, shape.base, shape.open, shape.close, shape.list, level, value);
  // Give up expanding once the output gets absurdly large.
  const used = (state.budget[state.indent] || 0) + text.length;
  state.budget[state.indent] = used;
  if (used > 2 ** 27) state.depth = -1;
  return text;
}

function isStackOverflow(err) {
  if (err === null || typeof err !== 'object') return false;
  try {
    return err.name === 'RangeError' && err.message === 'Maximum call stack size exceeded';
  } catch {
    return false;
  }
}

function overflowText(state, err, name, indentBefore) {
  if (!isStackOverflow(err)) throw err;
  ArrayPrototypePop(state.stack);
  state.indent = indentBefore;
  return state.stylize(`[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
                       'special');
}

const typedArrayConstructors = { __proto__: null };
{
  const names = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
                 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
                 'BigUint64Array'];
  for (let i = 0; i < names.length; i++) {
    if (typeof primordials[names[i]] === 'function') typedArrayConstructors[names[i]] = primordials[names[i]];
  }
}

// Fills `shape` for `value`, or returns the finished text for values that
// print without entries (empty collections, plain functions, dates...).
function shapeOf(state, value, level, ctorName, tag, protoEntries, forTypedArray, shape) {
  const nothingElse = (keys) => keys.length === 0 && protoEntries === undefined;

  // Collections are recognised when iterable (or prototype-less).
  if (SymbolIterator in value || ctorName === null) {
    if (ArrayIsArray(value)) {
      const length = value.length;
      const prefix = ctorName !== 'Array' || tag !== '' ?
        labelFor(ctorName, tag, 'Array', `(${length})`) : '';
      shape.keys = nonIndexKeys(state, value);
      shape.open = `${prefix}[`;
      shape.close = ']';
      if (length === 0 && nothingElse(shape.keys)) return `${shape.open}]`;
      shape.list = true;
      shape.entries = arrayEntries;
      return undefined;
    }
    if (types.isSet(value)) {
      const size = SetPrototypeGetSize(value);
      const prefix = labelFor(ctorName, tag, 'Set', `(${size})`);
      shape.keys = listedKeys(state, value);
      shape.entries = setEntries;
      if (size === 0 && nothingElse(shape.keys)) return `${prefix}{}`;
      shape.open = `${prefix}{`;
      return undefined;
    }
    if (types.isMap(value)) {
      const size = MapPrototypeGetSize(value);
      const prefix = labelFor(ctorName, tag, 'Map', `(${size})`);
      shape.keys = listedKeys(state, value);
      shape.entries = mapEntries;
      if (size === 0 && nothingElse(shape.keys)) return `${prefix}{}`;
      shape.open = `${prefix}{`;
      return undefined;
    }
    if (types.isTypedArray(value)) {
      shape.keys = nonIndexKeys(state, value);
      let source = value;
      let fallback = '';
      if (ctorName === null) {
        // Without a prototype the accessors are unreachable: work on a copy.
        fallback = TypedArrayPrototypeGetSymbolToStringTag(value);
        source = new typedArrayConstructors[fallback](value);
      }
      const size = TypedArrayPrototypeGetLength(value);
      shape.open = `${labelFor(ctorName, tag, fallback, `(${size})`)}[`;
      shape.close = ']';
      // (Node consults `.length` here, which a prototype-less typed array
      // lacks: those never take this shortcut.)
      if (ctorName !== null && size === 0 && shape.keys.length === 0 && !state.showHidden) {
        return `${shape.open}]`;
      }
      shape.list = true;
      shape.entries = (st, v, lvl) => typedArrayEntries(st, source, size, lvl);
      return undefined;
    }
    if (types.isMapIterator(value)) {
      shape.keys = listedKeys(state, value);
      iteratorBraces(shape, 'Map', tag);
      shape.entries = iteratorEntries;
      return undefined;
    }
    if (types.isSetIterator(value)) {
      shape.keys = listedKeys(state, value);
      iteratorBraces(shape, 'Set', tag);
      shape.entries = iteratorEntries;
      return undefined;
    }
  }

  const keys = listedKeys(state, value);
  shape.keys = keys;
  // Functions first: even one whose class resolves to "Object" (such as
  // Function.prototype) prints as a function.
  if (typeof value === 'function') {
    shape.base = functionBase(value, ctorName, tag);
    if (nothingElse(keys)) return state.stylize(shape.base, 'special');
    return undefined;
  }
  // Anything else whose class is plain Object prints as a plain object, even
  // if it is a date or an error underneath.
  if (ctorName === 'Object') {
    if (types.isArgumentsObject(value)) {
      shape.open = '[Arguments] {';
    } else if (tag !== '') {
      shape.open = `${labelFor(ctorName, tag, 'Object')}{`;
    }
    if (nothingElse(keys)) return `${shape.open}}`;
    return undefined;
  }
  if (types.isRegExp(value)) {
    shape.base = RegExpPrototypeToString(ctorName !== null ? value : new RegExp(value));
    const prefix = labelFor(ctorName, tag, 'RegExp');
    if (prefix !== 'RegExp ') shape.base = `${prefix}${shape.base}`;
    if (nothingElse(keys) || beyondDepth(state, level)) return state.stylize(shape.base, 'regexp');
    return undefined;
  }
  if (types.isDate(value)) {
    shape.base = NumberIsNaN(DatePrototypeGetTime(value)) ?
      DatePrototypeToString(value) : DatePrototypeToISOString(value);
    const prefix = labelFor(ctorName, tag, 'Date');
    if (prefix !== 'Date ') shape.base = `${prefix}${shape.base}`;
    if (nothingElse(keys)) return state.stylize(shape.base, 'date');
    return undefined;
  }
  if (isErrorLike(value)) {
    shape.base = errorText(state, value, ctorName, tag, keys);
    if (nothingElse(keys)) return shape.base;
    return undefined;
  }
  if (types.isAnyArrayBuffer(value)) {
    const typeName = types.isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
    const prefix = labelFor(ctorName, tag, typeName);
    if (forTypedArray === undefined) {
      shape.entries = arrayBufferEntries;
    } else if (nothingElse(keys)) {
      return `${prefix}{ byteLength: ${numberText(state.stylize, value.byteLength, false)} }`;
    }
    shape.open = `${prefix}{`;
    ArrayPrototypeUnshift(keys, 'byteLength');
    return undefined;
  }
  if (types.isDataView(value)) {
    shape.open = `${labelFor(ctorName, tag, 'DataView')}{`;
    ArrayPrototypeUnshift(keys, 'byteLength', 'byteOffset', 'buffer');
    return undefined;
  }
  if (types.isPromise(value)) {
    shape.open = `${labelFor(ctorName, tag, 'Promise')}{`;
    shape.entries = promiseEntries;
    return undefined;
  }
  if (types.isWeakSet(value)) {
    shape.open = `${labelFor(ctorName, tag, 'WeakSet')}{`;
    shape.entries = state.showHidden ? weakSetEntries : unknownEntries;
    return undefined;
  }
  if (types.isWeakMap(value)) {
    shape.open = `${labelFor(ctorName, tag, 'WeakMap')}{`;
    shape.entries = state.showHidden ? weakMapEntries : unknownEntries;
    return undefined;
  }
  if (types.isModuleNamespaceObject(value)) {
    shape.open = `${labelFor(ctorName, tag, 'Module')}{`;
    shape.entries = namespaceEntries;
    return undefined;
  }
  if (types.isBoxedPrimitive(value)) {
    shape.base = boxedBase(state, value, keys, ctorName, tag);
    if (nothingElse(keys)) return shape.base;
    return undefined;
  }
  if (nothingElse(keys)) {
    if (types.isExternal(value)) return state.stylize('[External: <address>]', 'special');
    return `${labelFor(ctorName, tag, shape.objectFallback)}{}`;
  }
  shape.open = `${labelFor(ctorName, tag, shape.objectFallback)}{`;
  return undefined;
}

function isErrorLike(value) {
  return types.isNativeError(value) || isInstanceOf(value, Error);
}

function iteratorBraces(shape, kind, tag) {
  let label = tag;
  if (label !== `${kind} Iterator`) {
    if (label !== '') label += '] [';
    label += `${kind} Iterator`;
  }
  shape.open = `[${label}] {`;
  shape.close = '}';
}

// ---------------------------------------------------------------------------
// Entry producers: each returns the leading entries of an object's listing.
// ---------------------------------------------------------------------------

function holesText(state, count) {
  return state.stylize(`<${count} empty item${count > 1 ? 's' : ''}>`, 'undefined');
}

function arrayEntries(state, array, level) {
  const length = array.length;
  const limit = MathMin(MathMax(0, state.maxArrayLength), length);
  const out = [];
  for (let i = 0; i < limit; i++) {
    if (!ObjectPrototypeHasOwnProperty(array, i)) return sparseArrayEntries(state, array, level, limit, out, i);
    ArrayPrototypePush(out, propertyText(state, array, level, i, ITEM));
  }
  const rest = length - limit;
  if (rest > 0) ArrayPrototypePush(out, moreItemsText(rest));
  return out;
}

function isDigitsKey(key) {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  return key.length === 1 || StringPrototypeCharCodeAt(key, 0) !== 48;
}

// Arrays with holes: runs of missing indices collapse into one
// "<n empty items>" entry, which counts as one entry against maxArrayLength.
// `next` is the first missing index; the present indices are read from the
// enumerable own keys, starting at the same position (the keys before it are
// exactly the indices already printed).
function sparseArrayEntries(state, array, level, limit, out, next) {
  const keys = ObjectKeys(array);
  let expected = next;
  for (let k = next; k < keys.length && out.length < limit; k++) {
    const key = keys[k];
    const index = +key;
    if (index > 2 ** 32 - 2) break;
    if (`${expected}` !== key) {
      if (!isDigitsKey(key)) break;
      ArrayPrototypePush(out, holesText(state, index - expected));
      expected = index;
      if (out.length === limit) break;
    }
    ArrayPrototypePush(out, propertyText(state, array, level, key, ITEM));
    expected++;
  }
  const rest = array.length - expected;
  if (out.length !== limit) {
    if (rest > 0) ArrayPrototypePush(out, holesText(state, rest));
  } else if (rest > 0) {
    ArrayPrototypePush(out, moreItemsText(rest));
  }
  return out;
}

function typedArrayEntries(state, source, size, level) {
  const limit = MathMin(MathMax(0, state.maxArrayLength), size);
  const rest = size - limit;
  const out = [];
  const elementText = size > 0 && typeof source[0] === 'number' ? numberText : bigintText;
  for (let i = 0; i < limit; i++) {
    ArrayPrototypePush(out, elementText(state.stylize, source[i], state.numericSeparator));
  }
  if (rest > 0) ArrayPrototypePush(out, moreItemsText(rest));
  if (state.showHidden) {
    state.indent += 2;
    const hidden = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];
    for (let i = 0; i < hidden.length; i++) {
      ArrayPrototypePush(out, `[${hidden[i]}]: ${render(state, source[hidden[i]], level, true)}`);
    }
    state.indent -= 2;
  }
  return out;
}

function hexByte(byte) {
  return `${byte < 16 ? '0' : ''}${NumberPrototypeToString(byte, 16)}`;
}

function arrayBufferEntries(state, buffer) {
  let bytes;
  try {
    bytes = new Uint8Array(buffer);
  } catch {
    return [state.stylize('(detached)', 'special')];
  }
  const length = TypedArrayPrototypeGetLength(bytes);
  const shown = MathMin(state.maxArrayLength, length);
  let text = '';
  for (let i = 0; i < shown; i++) text += i === 0 ? hexByte(bytes[i]) : ` ${hexByte(bytes[i])}`;
  const rest = length - state.maxArrayLength;
  if (rest > 0) text += ` ... ${rest} more byte${rest > 1 ? 's' : ''}`;
  return [`${state.stylize('[Uint8Contents]', 'special')}: <${text}>`];
}

function setEntries(state, set, level) {
  const size = SetPrototypeGetSize(set);
  const limit = MathMin(MathMax(0, state.maxArrayLength), size);
  const out = [];
  state.indent += 2;
  const it = SetPrototypeValues(set);
  for (let i = 0; ; i++) {
    const step = SetIteratorPrototypeNext(it);
    if (step.done || i >= limit) break;
    ArrayPrototypePush(out, render(state, step.value, level));
  }
  const rest = size - limit;
  if (rest > 0) ArrayPrototypePush(out, moreItemsText(rest));
  state.indent -= 2;
  return out;
}

function mapEntries(state, map, level) {
  const size = MapPrototypeGetSize(map);
  const limit = MathMin(MathMax(0, state.maxArrayLength), size);
  const out = [];
  state.indent += 2;
  const it = MapPrototypeEntries(map);
  for (let i = 0; ; i++) {
    const step = MapIteratorPrototypeNext(it);
    if (step.done || i >= limit) break;
    const pair = step.value;
    ArrayPrototypePush(out, `${render(state, pair[0], level)} => ${render(state, pair[1], level)}`);
  }
  const rest = size - limit;
  if (rest > 0) ArrayPrototypePush(out, moreItemsText(rest));
  state.indent -= 2;
  return out;
}

// Entries previewed from an iterator or weak collection (flat list).
// Weak collections come in no meaningful order, so they are sorted.
function previewedValues(state, level, values, weak) {
  const limit = MathMin(MathMax(state.maxArrayLength, 0), values.length);
  const out = [];
  state.indent += 2;
  for (let i = 0; i < limit; i++) ArrayPrototypePush(out, render(state, values[i], level));
  state.indent -= 2;
  if (weak && !state.sorted) ArrayPrototypeSort(out);
  const rest = values.length - limit;
  if (rest > 0) ArrayPrototypePush(out, moreItemsText(rest));
  return out;
}

// Key/value pairs previewed from an iterator or WeakMap (flat k, v, k, v).
// Iterator entries print as [ k, v ] pairs; WeakMap entries as k => v.
function previewedPairs(state, level, flat, weak) {
  const max = MathMax(state.maxArrayLength, 0);
  const pairs = flat.length / 2;
  const rest = pairs - max;
  const limit = MathMin(max, pairs);
  const out = [];
  state.indent += 2;
  for (let i = 0; i < limit; i++) {
    const k = render(state, flat[i * 2], level);
    const v = render(state, flat[i * 2 + 1], level);
    ArrayPrototypePush(out, weak ? `${k} => ${v}` : layout(state, [k, v], '', '[', ']', true, level));
  }
  state.indent -= 2;
  if (weak && !state.sorted) ArrayPrototypeSort(out);
  if (rest > 0) ArrayPrototypePush(out, moreItemsText(rest));
  return out;
}

function iteratorEntries(state, iterator, level, shape) {
  const preview = previewEntriesOf(iterator, true);
  if (preview === undefined) return [];
  if (preview[1]) {
    // An entries() iterator: [Map Entries] / [Set Entries].
    const suffix = ' Iterator] {';
    if (StringPrototypeEndsWith(shape.open, suffix)) {
      shape.open = `${StringPrototypeSlice(shape.open, 0, -suffix.length)} Entries] {`;
    }
    return previewedPairs(state, level, preview[0], false);
  }
  return previewedValues(state, level, preview[0], false);
}

function weakSetEntries(state, set, level) {
  const preview = previewEntriesOf(set, false);
  return previewedValues(state, level, preview === undefined ? [] : preview, true);
}

function weakMapEntries(state, map, level) {
  const preview = previewEntriesOf(map, false);
  return previewedPairs(state, level, preview === undefined ? [] : preview, true);
}

function unknownEntries(state) {
  return [state.stylize('<items unknown>', 'special')];
}

function promiseEntries(state, promise, level) {
  const details = promiseStateOf(promise);
  if (details === undefined) return [state.stylize('<unknown>', 'special')];
  if (details[0] === 0) return [state.stylize('<pending>', 'special')];
  state.indent += 2;
  const text = render(state, details[1], level);
  state.indent -= 2;
  return [details[0] === 2 ? `${state.stylize('<rejected>', 'special')} ${text}` : text];
}

// Module namespaces: bindings still in their temporal dead zone show as
// <uninitialized>. The keys are consumed here.
function namespaceEntries(state, namespace, level, shape) {
  const keys = shape.keys;
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    try {
      ArrayPrototypePush(out, propertyText(state, namespace, level, keys[i], FIELD));
    } catch (err) {
      if (!types.isNativeError(err) || err.name !== 'ReferenceError') throw err;
      ArrayPrototypePush(out, `${keyText(state, keys[i], true)}: ${state.stylize('<uninitialized>', 'special')}`);
    }
  }
  keys.length = 0;
  return out;
}

// ---------------------------------------------------------------------------
// Bases: the text shown before the braces
// ---------------------------------------------------------------------------

function boxedBase(state, value, keys, ctorName, tag) {
  let kind;
  let primitive;
  if (types.isNumberObject(value)) {
    kind = 'Number';
    primitive = NumberPrototypeValueOf(value);
  } else if (types.isStringObject(value)) {
    kind = 'String';
    primitive = StringPrototypeValueOf(value);
    // The character indices are implied by the string itself.
    ArrayPrototypeSplice(keys, 0, primitive.length);
  } else if (types.isBooleanObject(value)) {
    kind = 'Boolean';
    primitive = BooleanPrototypeValueOf(value);
  } else if (types.isBigIntObject(value)) {
    kind = 'BigInt';
    primitive = BigIntPrototypeValueOf(value);
  } else {
    kind = 'Symbol';
    primitive = SymbolPrototypeValueOf(value);
  }
  let base = `[${kind}`;
  if (kind !== ctorName) base += ctorName === null ? ' (null prototype)' : ` (${ctorName})`;
  base += `: ${primitiveText(plainStylize, primitive, state)}]`;
  if (tag !== '' && tag !== ctorName) base += ` [${tag}]`;
  if (keys.length !== 0 || state.stylize === plainStylize) return base;
  return state.stylize(base, StringPrototypeToLowerCase(kind));
}

// Removes // line comments and /* block */ comments (as far as a simple
// scan can tell) so a class header can be examined.
function withoutComments(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '/') {
      const nl = StringPrototypeIndexOf(text, '\n', i + 2);
      if (nl === -1) break;
      i = nl + 1;
      continue;
    }
    if (text[i] === '/' && text[i + 1] === '*') {
      const end = StringPrototypeIndexOf(text, '*/', i + 2);
      if (end !== -1) {
        i = end + 2;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

// Whether a function's source text is a class declaration/expression. A
// method that happens to be named `class...` is not.
function looksLikeClass(source) {
  if (!StringPrototypeStartsWith(source, 'class') || !StringPrototypeEndsWith(source, '}')) return false;
  const body = StringPrototypeSlice(source, 5, -1);
  const brace = StringPrototypeIndexOf(body, '{');
  if (brace === -1) return false;
  if (!StringPrototypeIncludes(StringPrototypeSlice(body, 0, brace), '(')) return true;
  // A '(' before the body (say, `class extends mixin(Base) {`): accept it
  // only when, comments aside, the header starts with whitespace and a '{'
  // comes before any '('.
  const stripped = withoutComments(body);
  const c = StringPrototypeCharCodeAt(stripped, 0);
  if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 ||
        c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000)) {
    return false;
  }
  const firstBrace = StringPrototypeIndexOf(stripped, '{');
  const firstParen = StringPrototypeIndexOf(stripped, '(');
  return firstBrace !== -1 && (firstParen === -1 || firstBrace < firstParen);
}

function classBase(value, ctorName, tag) {
  const name = (ObjectPrototypeHasOwnProperty(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (ctorName !== 'Function' && ctorName !== null) base += ` [${ctorName}]`;
  if (tag !== '' && ctorName !== tag) base += ` [${tag}]`;
  if (ctorName !== null) {
    const parentName = ObjectGetPrototypeOf(value).name;
    if (parentName) base += ` extends ${parentName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function functionBase(value, ctorName, tag) {
  const source = FunctionPrototypeToString(value);
  if (looksLikeClass(source)) return classBase(value, ctorName, tag);
  let kind = 'Function';
  if (types.isGeneratorFunction(value)) kind = `Generator${kind}`;
  if (types.isAsyncFunction(value)) kind = `Async${kind}`;
  let base = `[${kind}`;
  if (ctorName === null) base += ' (null prototype)';
  base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (ctorName !== kind && ctorName !== null) base += ` ${ctorName}`;
  if (tag !== '' && ctorName !== tag) base += ` [${tag}]`;
  return base;
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

function stackOf(err) {
  return err.stack ? String(err.stack) : ErrorPrototypeToString(err);
}

// Longest run (> 3 lines) that `a` and `b` share, found from the start of
// `a`: { len, offset } with offset the index in `a`; len 0 if none.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const at = ArrayPrototypeIndexOf(b, a[i]);
    if (at === -1) continue;
    const available = b.length - at;
    if (available <= 3) continue;
    const cap = MathMin(a.length - i, available);
    let len = 1;
    while (len < cap && a[i + len] === b[at + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

// Stack frame lines of `err`, with the run it shares with its cause's stack
// collapsed into one "... n lines matching cause stack trace ..." line.
function stackFrames(state, err, framesText) {
  const frames = splitOn(framesText, '\n');
  let cause;
  try {
    cause = err.cause;
  } catch {
    // A throwing getter: nothing to compare with.
  }
  if (cause != null && isErrorLike(cause)) {
    const causeStack = stackOf(cause);
    const causeStart = StringPrototypeIndexOf(causeStack, '\n    at');
    if (causeStart !== -1) {
      const causeFrames = splitOn(StringPrototypeSlice(causeStack, causeStart + 1), '\n');
      const shared = identicalSequenceRange(frames, causeFrames);
      if (shared.len > 0) {
        const skipped = shared.len - 2;
        const note = state.stylize(`    ... ${skipped} lines matching cause stack trace ...`, 'undefined');
        ArrayPrototypeSplice(frames, shared.offset + 1, skipped, note);
      }
    }
  }
  return frames;
}

// The stack shows name and message already: do not list them again.
function dropRedundantErrorKeys(state, keys, err, stack) {
  if (state.showHidden || keys.length === 0) return;
  const names = ['name', 'message', 'stack'];
  for (let i = 0; i < names.length; i++) {
    const at = ArrayPrototypeIndexOf(keys, names[i]);
    if (at !== -1 && StringPrototypeIncludes(stack, err[names[i]])) ArrayPrototypeSplice(keys, at, 1);
  }
}

const unnamedStackHead = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/;
const bareErrorName = /^([a-z_A-Z0-9-]*Error)$/;

// Makes the first line of the stack name the class that is really shown:
// for subclasses, renamed errors and prototype-less errors.
function reviseStackHead(stack, ctorName, name, tag) {
  let nameLength = name.length;
  if (ctorName === null ||
      (StringPrototypeEndsWith(name, 'Error') && StringPrototypeStartsWith(stack, name) &&
       (stack.length === nameLength || stack[nameLength] === ':' || stack[nameLength] === '\n'))) {
    let fallback = 'Error';
    if (ctorName === null) {
      const found = RegExpPrototypeExec(unnamedStackHead, stack) || RegExpPrototypeExec(bareErrorName, stack);
      fallback = (found && found[1]) || '';
      nameLength = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = StringPrototypeSlice(labelFor(ctorName, tag, fallback), 0, -1);
    if (name !== prefix) {
      if (StringPrototypeIncludes(prefix, name)) {
        stack = nameLength === 0 ? `${prefix}: ${stack}` : `${prefix}${StringPrototypeSlice(stack, nameLength)}`;
      } else {
        stack = `${prefix} [${name}]${StringPrototypeSlice(stack, nameLength)}`;
      }
    }
  }
  return stack;
}

const coreFrame = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;

// Underlines package names after node_modules/ (scoped names whole).
function markPackages(state, line) {
  let out = '';
  let from = 0;
  let search = 0;
  for (;;) {
    const at = StringPrototypeIndexOf(line, 'node_modules', search);
    if (at === -1) break;
    search = at + 12;
    const before = line[at - 1];
    const after = line[at + 12];
    if ((before !== '/' && before !== '\\') || (after !== '/' && after !== '\\')) continue;
    const nameStart = at + 13;
    let nameEnd = nextSeparator(line, nameStart);
    if (nameEnd !== -1 && line[nameStart] === '@') nameEnd = nextSeparator(line, nameEnd + 1);
    if (nameEnd === -1 || nameEnd === nameStart) break;
    const name = StringPrototypeSlice(line, nameStart, nameEnd);
    out += `${StringPrototypeSlice(line, from, nameStart)}${state.stylize(name, 'module')}`;
    from = nameEnd;
    search = nameEnd;
  }
  return from === 0 ? line : `${out}${StringPrototypeSlice(line, from)}`;
}

function nextSeparator(text, from) {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '/' || text[i] === '\\') return i;
  }
  return -1;
}

// Dims the working directory part of a frame's location (and its
// parentheses).
function dimDirectory(state, line, dir) {
  let at = StringPrototypeIndexOf(line, dir);
  if (at === -1) return line;
  let length = dir.length;
  if (StringPrototypeSlice(line, at - 7, at) === 'file://') {
    at -= 7;
    length += 7;
  }
  const start = line[at - 1] === '(' ? at - 1 : at;
  const closing = start !== at && StringPrototypeEndsWith(line, ')');
  const end = at + length + 1;
  let out = StringPrototypeSlice(line, 0, start);
  out += state.stylize(StringPrototypeSlice(line, start, end), 'undefined');
  out += StringPrototypeSlice(line, end, closing ? -1 : line.length);
  if (closing) out += state.stylize(')', 'undefined');
  return out;
}

function colorFrames(state, frames) {
  const dir = currentDirectory();
  let urlDir;
  let out = '';
  for (let i = 0; i < frames.length; i++) {
    let line = frames[i];
    const core = RegExpPrototypeExec(coreFrame, line);
    if (core !== null && isCoreModuleId(core[1])) {
      out += `\n${state.stylize(line, 'undefined')}`;
      continue;
    }
    line = markPackages(state, line);
    if (typeof dir === 'string') {
      let marked = dimDirectory(state, line, dir);
      if (marked === line) {
        if (urlDir === undefined) urlDir = `file://${encodeURI(dir)}`;
        marked = dimDirectory(state, line, urlDir);
      }
      line = marked;
    }
    out += `\n${line}`;
  }
  return out;
}

function errorText(state, err, ctorName, tag, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = stackOf(err);
  dropRedundantErrorKeys(state, keys, err, stack);
  if ('cause' in err && (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'cause'))) {
    ArrayPrototypePush(keys, 'cause');
  }
  // AggregateError's errors.
  if (ArrayIsArray(err.errors) && (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'errors'))) {
    ArrayPrototypePush(keys, 'errors');
  }
  stack = reviseStackHead(stack, ctorName, name, tag);

  // Frames start at the first "\n    at" after the message (a message may
  // itself contain such text).
  const message = err.message;
  let searchFrom = (message && StringPrototypeIndexOf(stack, message)) || -1;
  if (searchFrom !== -1) searchFrom += message.length;
  const framesAt = StringPrototypeIndexOf(stack, '\n    at', searchFrom);
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else {
    const head = StringPrototypeSlice(stack, 0, framesAt);
    const frames = stackFrames(state, err, StringPrototypeSlice(stack, framesAt + 1));
    stack = state.colors ? `${head}${colorFrames(state, frames)}` : `${head}\n${ArrayPrototypeJoin(frames, '\n')}`;
  }
  if (state.indent !== 0) stack = replaceEvery(stack, '\n', `\n${spaces(state.indent)}`);
  return stack;
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const plainKeyPattern = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function keyText(state, key, enumerable) {
  if (typeof key === 'symbol') return `[${state.stylize(escapeBare(SymbolPrototypeToString(key)), 'symbol')}]`;
  if (key === '__proto__') return "['__proto__']";
  if (enumerable === false) return `[${escapeBare(key)}]`;
  if (RegExpPrototypeExec(plainKeyPattern, key) !== null) return state.stylize(key, 'name');
  return state.stylize(quote(key), 'string');
}

function gettersApply(state, hasSetter) {
  const mode = state.getters;
  return mode && (mode === true || (mode === 'get' && !hasSetter) || (mode === 'set' && hasSetter));
}

// "key: value" (or just the value for array elements). `desc` may be given
// (prototype members); `receiver` is what getters are called on.
function propertyText(state, obj, level, key, mode, desc, receiver = obj) {
  if (desc === undefined) {
    desc = ownDescriptor(obj, key);
    if (desc === undefined) desc = { __proto__: null, value: obj[key], enumerable: true };
  }
  let valueText;
  let separator = ' ';
  if (desc.value !== undefined) {
    // compact: true lays fields out one column further in.
    const shift = state.compact !== true || mode !== FIELD ? 2 : 3;
    state.indent += shift;
    valueText = render(state, desc.value, level);
    if (shift === 3 && state.breakLength < getStringWidth(valueText, state.colors)) {
      separator = `\n${spaces(state.indent)}`;
    }
    state.indent -= shift;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = state.stylize;
    if (gettersApply(state, desc.set !== undefined)) {
      try {
        const got = ReflectApply(desc.get, receiver, []);
        state.indent += 2;
        if (got === null) {
          valueText = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
        } else if (typeof got === 'object') {
          valueText = `${s(`[${label}]`, 'special')} ${render(state, got, level)}`;
        } else {
          valueText = `${s(`[${label}:`, 'special')} ${primitiveText(s, got, state)}${s(']', 'special')}`;
        }
        state.indent -= 2;
      } catch (err) {
        valueText = `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
      }
    } else {
      valueText = s(`[${label}]`, 'special');
    }
  } else if (desc.set !== undefined) {
    valueText = state.stylize('[Setter]', 'special');
  } else {
    valueText = state.stylize('undefined', 'undefined');
  }
  if (mode === ITEM) return valueText;
  return `${keyText(state, key, desc.enumerable)}:${separator}${valueText}`;
}

// ===========================================================================
// Layout
// ===========================================================================

// Strips the SGR colour sequences this module emits (ESC [ n m, n < 100).
function withoutColors(text) {
  let out = '';
  let from = 0;
  let at = StringPrototypeIndexOf(text, '\u001b[');
  while (at !== -1) {
    let j = at + 2;
    let digits = 0;
    while (digits < 2 && j < text.length && StringPrototypeCharCodeAt(text, j) >= 48 &&
           StringPrototypeCharCodeAt(text, j) <= 57) {
      j++;
      digits++;
    }
    if (digits > 0 && text[j] === 'm') {
      out += StringPrototypeSlice(text, from, at);
      from = j + 1;
      at = StringPrototypeIndexOf(text, '\u001b[', from);
    } else {
      at = StringPrototypeIndexOf(text, '\u001b[', at + 1);
    }
  }
  return from === 0 ? text : `${out}${StringPrototypeSlice(text, from)}`;
}

// Whether `entries` fit on one line, given `start` columns already used.
// (Counts UTF-16 units, not columns, like Node.)
function fitsOnOneLine(state, entries, start, base) {
  let total = entries.length + start;
  if (total + entries.length > state.breakLength) return false;
  for (let i = 0; i < entries.length; i++) {
    total += state.colors ? withoutColors(entries[i]).length : entries[i].length;
    if (total > state.breakLength) return false;
  }
  return base === '' || !StringPrototypeIncludes(base, '\n');
}

// Joins an object's entries into its final text: on one line when short
// enough (and, in numeric compact mode, when it nests at most `compact`
// levels), otherwise one entry per line; long lists of short items go into
// aligned columns first.
function layout(state, entries, base, open, close, isList, level, value) {
  if (state.compact !== true) {
    if (typeof state.compact === 'number' && state.compact >= 1) {
      const count = entries.length;
      if (isList && count > 6) entries = packColumns(state, entries, value);
      if (state.lastEntered - level < state.compact && count === entries.length) {
        const start = entries.length + state.indent + open.length + base.length + 10;
        if (fitsOnOneLine(state, entries, start, base)) {
          const joined = ArrayPrototypeJoin(entries, ', ');
          if (!StringPrototypeIncludes(joined, '\n')) {
            return `${base ? `${base} ` : ''}${open} ${joined} ${close}`;
          }
        }
      }
    }
    const nl = `\n${spaces(state.indent)}`;
    return `${base ? `${base} ` : ''}${open}${nl}  ${ArrayPrototypeJoin(entries, `,${nl}  `)}${nl}${close}`;
  }
  // compact: true - the pre-v12 style: as much as fits on each line.
  if (fitsOnOneLine(state, entries, 0, base)) {
    return `${open}${base ? ` ${base}` : ''} ${ArrayPrototypeJoin(entries, ', ')} ${close}`;
  }
  const pad = spaces(state.indent);
  const lead = base === '' && open.length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${pad}  `;
  return `${open}${lead}${ArrayPrototypeJoin(entries, `,\n${pad}  `)} ${close}`;
}

// Arranges more than six short list entries into columns. Numbers (and
// bigints) are right-aligned, anything else left-aligned. The column count
// follows Node's heuristic: roughly sqrt(2.5 * width * count) / width, capped
// by the line width, by 4 * compact and by 15. A trailing "... more items"
// entry stays on its own line.
function packColumns(state, entries, value) {
  let totalLength = 0;
  let maxLength = 0;
  let count = entries.length;
  if (state.maxArrayLength < entries.length) count--; // the "more items" line
  const separatorSpace = 2; // ", "
  const widths = [];
  for (let i = 0; i < count; i++) {
    const width = getStringWidth(entries[i], state.colors);
    widths[i] = width;
    totalLength += width + separatorSpace;
    if (maxLength < width) maxLength = width;
  }
  const columnWidth = maxLength + separatorSpace;
  if (columnWidth * 3 + state.indent < state.breakLength &&
      (totalLength / columnWidth > 5 || maxLength <= 6)) {
    const averageBias = MathSqrt(columnWidth - totalLength / entries.length);
    const biasedMax = MathMax(columnWidth - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(2.5 * biasedMax * count) / biasedMax),
      MathFloor((state.breakLength - state.indent) / columnWidth),
      state.compact * 4,
      15,
    );
    if (columns <= 1) return entries;
    const columnWidths = [];
    for (let c = 0; c < columns; c++) {
      let widest = 0;
      for (let j = c; j < entries.length; j += columns) {
        if (widths[j] > widest) widest = widths[j];
      }
      ArrayPrototypePush(columnWidths, widest + separatorSpace);
    }
    let alignRight = value !== undefined;
    if (alignRight) {
      for (let i = 0; i < entries.length; i++) {
        const t = typeof value[i];
        if (t !== 'number' && t !== 'bigint') {
          alignRight = false;
          break;
        }
      }
    }
    const rows = [];
    for (let i = 0; i < count; i += columns) {
      const rowEnd = MathMin(i + columns, count);
      let row = '';
      let j = i;
      for (; j < rowEnd - 1; j++) {
        // Pad by display width: invisible colour codes do not count.
        const padding = columnWidths[j - i] + entries[j].length - widths[j];
        row += alignRight ? StringPrototypePadStart(`${entries[j]}, `, padding, ' ') :
          StringPrototypePadEnd(`${entries[j]}, `, padding, ' ');
      }
      if (alignRight) {
        const padding = columnWidths[j - i] + entries[j].length - widths[j] - separatorSpace;
        row += StringPrototypePadStart(entries[j], padding, ' ');
      } else {
        row += entries[j];
      }
      ArrayPrototypePush(rows, row);
    }
    if (state.maxArrayLength < entries.length) ArrayPrototypePush(rows, entries[count]);
    return rows;
  }
  return entries;
}

// ===========================================================================
// Public API
// ===========================================================================

/**
 * Returns a string representation of `value`, as Node's util.inspect does.
 * Legacy call form: inspect(value, showHidden, depth, colors).
 */
function inspect(value, opts) {
  const state = newState();
  if (arguments.length > 1) {
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) state.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) state.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      state.showHidden = opts;
    } else if (opts) {
      const names = ObjectKeys(opts);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (ObjectPrototypeHasOwnProperty(inspectDefaultOptions, name) || name === 'stylize') {
          state[name] = opts[name];
        } else if (state.userOptions === undefined) {
          // Unknown keys are passed through to custom inspect functions.
          state.userOptions = opts;
        }
      }
    }
  }
  if (state.colors) state.stylize = colorStylize;
  if (state.maxArrayLength === null) state.maxArrayLength = Infinity;
  if (state.maxStringLength === null) state.maxStringLength = Infinity;
  return render(state, value, 0);
}
inspect.custom = customInspectSymbol;

ObjectDefineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    if (options === null || typeof options !== 'object' || ArrayIsArray(options)) {
      throw invalidArgType('options', 'of type object', options);
    }
    return ObjectAssign(inspectDefaultOptions, options);
  },
});

inspect.colors = colorTable;
inspect.styles = styleTable;

// What a custom inspect function receives as its third argument: islet's
// public util.inspect (set by the loader).
let publicInspect = inspect;
function setPublicInspect(fn) {
  publicInspect = fn;
}

// Whether `%s` should inspect the object rather than call its toString: true
// when the toString it would use comes from a built-in prototype.
function usesBuiltinToString(value) {
  const proxy = proxyDetailsOf(value);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return true;
    value = proxy[0];
  }
  if (typeof value.toString !== 'function') return true;
  if (ObjectPrototypeHasOwnProperty(value, 'toString')) return false;
  let holder = value;
  do {
    holder = ObjectGetPrototypeOf(holder);
  } while (!ObjectPrototypeHasOwnProperty(holder, 'toString'));
  const desc = ownDescriptor(holder, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && SafeSetHas(builtinNames, desc.value.name);
}

let circularJSONMessage;
function jsonText(value) {
  try {
    return JSONStringify(value);
  } catch (err) {
    if (circularJSONMessage === undefined) {
      try {
        const probe = {};
        probe.probe = probe;
        JSONStringify(probe);
      } catch (probeErr) {
        circularJSONMessage = firstLine(probeErr.message);
      }
    }
    if (err !== null && typeof err === 'object' && err.name === 'TypeError' &&
        firstLine(err.message) === circularJSONMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

function firstLine(text) {
  const nl = StringPrototypeIndexOf(text, '\n');
  return nl === -1 ? text : StringPrototypeSlice(text, 0, nl);
}

// printf-style formatting: %s %d %i %f %j %o %O %c %%; arguments without a
// directive are appended, separated by spaces (strings raw, others inspected).
function formatArgs(inspectOptions, args) {
  const first = args[0];
  let next = 0;
  let out = '';
  let joiner = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let copied = 0;
    let piece;
    for (let i = 0; i < first.length - 1; i++) {
      if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
      const directive = StringPrototypeCharCodeAt(first, ++i);
      if (next + 1 !== args.length) {
        const separators = inspectOptions !== undefined && inspectOptions !== null ?
          inspectOptions.numericSeparator : undefined;
        switch (directive) {
          case 115: { // 's'
            const arg = args[++next];
            if (typeof arg === 'number') {
              piece = numberText(plainStylize, arg, separators);
            } else if (typeof arg === 'bigint') {
              piece = bigintText(plainStylize, arg, separators);
            } else if (typeof arg !== 'object' || arg === null || !usesBuiltinToString(arg)) {
              piece = String(arg);
            } else {
              piece = inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
            }
            break;
          }
          case 106: // 'j'
            piece = jsonText(args[++next]);
            break;
          case 100: { // 'd'
            const arg = args[++next];
            if (typeof arg === 'bigint') piece = bigintText(plainStylize, arg, separators);
            else if (typeof arg === 'symbol') piece = 'NaN';
            else piece = numberText(plainStylize, Number(arg), separators);
            break;
          }
          case 79: // 'O'
            piece = inspect(args[++next], inspectOptions);
            break;
          case 111: // 'o'
            piece = inspect(args[++next], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
            break;
          case 105: { // 'i'
            const arg = args[++next];
            if (typeof arg === 'bigint') piece = bigintText(plainStylize, arg, separators);
            else if (typeof arg === 'symbol') piece = 'NaN';
            else piece = numberText(plainStylize, NumberParseInt(arg), separators);
            break;
          }
          case 102: { // 'f'
            const arg = args[++next];
            if (typeof arg === 'symbol') piece = 'NaN';
            else piece = numberText(plainStylize, NumberParseFloat(arg), separators);
            break;
          }
          case 99: // 'c': CSS, consumed and dropped
            next += 1;
            piece = '';
            break;
          case 37: // '%%'
            out += StringPrototypeSlice(first, copied, i);
            copied = i + 1;
            continue;
          default: // unknown directive: left as is
            continue;
        }
        if (copied !== i - 1) out += StringPrototypeSlice(first, copied, i - 1);
        out += piece;
        copied = i + 1;
      } else if (directive === 37) {
        out += StringPrototypeSlice(first, copied, i);
        copied = i + 1;
      }
    }
    if (copied !== 0) {
      next++;
      joiner = ' ';
      if (copied < first.length) out += StringPrototypeSlice(first, copied);
    }
  }
  while (next < args.length) {
    const arg = args[next];
    out += joiner;
    out += typeof arg !== 'string' ? inspect(arg, inspectOptions) : arg;
    joiner = ' ';
    next++;
  }
  return out;
}

function format(...args) {
  return formatArgs(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw invalidArgType('inspectOptions', 'of type object', inspectOptions);
  }
  return formatArgs(inspectOptions, args);
}

// ---------------------------------------------------------------------------
// Terminal width
// ---------------------------------------------------------------------------

// Code points taking 0 and 2 columns, as Node 20 (ICU) measures them. The
// data is generated by tools/gen_width_table.js from Node's own output; see
// that file for the encoding.
const ZERO_WIDTH_RANGES =
  '0+v,2n+w,gw+33,7n+6,7b+18,1,1+1,1+1,1,1k+5,a+a,1,1a+k,g,2t+7,1+5,2+1,1+3,x,1,u+q,2j+a,1m+8,9,' +
  'o+3,1+8,1+2,1+4,17+2,1g+1,5+8,16+1k,1j,1,4+7,4,3+e,2+1,t,1m,4+3,8,k+1,q,2+1,1l,4+1,4+1,2+2,3,' +
  'u+1,3,b+1,1l,4+4,1+1,4,k+1,m+5,1,1m,2,1+3,8,7+1,b+1,u,1p,c,1e,3,1j,1+2,5+2,1+3,7+1,b+1,t,1m,' +
  '2,6,5+1,k+1,s+1,1l+1,4+3,8,k+1,t,20,7+2,1,2i,2+6,c+7,2q,2+8,b+6,21+1,r,1,1,1j+d,1+4,1+1,5+a,' +
  '1+z,9,2u+3,1+5,1+1,2+1,p+1,4+2,g+3,d,2+1,6,f,jj+2,qa+2,t+1,u+1,u+1,1s+1,1+6,8,2+a,9,19+4,' +
  '39+1,y,3a+2,4+1,9,6+2,63+1,2,1m,1+6,1,1,2+7,6+9,2,1c+19,2+b,k+3,1c,1+4,1,5,14+8,c+1,w+3,2+1,' +
  '1+2,1k,1+1,3,1+2,1m+7,2+1,48+2,1+c,1+6,4,6,3+1,5i+1r,ej+4,q+4,1d+4,1+9,2o+w,2da+2,3x,2o+v,' +
  'nsf+3,1+9,w+1,28+1,7k,3,4,p+1,5,47+1,q+h,d,12+7,p+a,1a+2,1c,2+3,2+1,13,1v+5,2+1,2+1,c,8,1b,' +
  '1f,1+2,2+1,5+1,1,16+1,8,6m,2,4,fn4+1,kg+f,g+f,5r,6x+2,e9,6a,45+4,1ae+2,1+1,5+3,14+2,4,4l+1,' +
  'fx+3,1t+4,8t+1,25+5,1y+a,1d+3,3f,1i+e,15,2+1,a+2,1d+3,2+1,2,4,a,1e+2,10+4,1+7,1q,c+1,1g+8,' +
  'a+3,2,2n+2,2,1+1,6,2,4d,3+7,l+1,1l+1,3,11+6,3+4,1y+5,d,1,1,e+1,2d+7,2+2,1,n,2c+5,1,4+1,1+1,' +
  '6m+3,6+1,1+1,r+1,2d+7,2,1+1,2y,1,2+5,1,2t,1,2+3,1+4,77+8,1+1,74+1,1,4,40+3,2+1,4,w+9,14+5,' +
  '2+3,8,9+5,2+2,1a+c,1+1,5i,1+2,1,5l+6,1+5,1,2a+l,2+6,1+1,1+1,3e+5,3,1+1,1+6,1,20+1,3,1,9n+1,' +
  'b+1,1g+4,5,1,n,445+g,6+e,8ug+b,3+2,1xc+4,1n+6,t4,1r+3,f7u+1,1+3,3mk+19,2+m,f4+2,9+f,2+6,u+3,' +
  '44+2,1iz+1i,4+1d,8,e,m+4,1+e,11s+6,1+g,2+6,1+1,1+4,2s,4g+6,af,1p+3,e4+3,72+1,6r,2,7+1,5,d6+6,' +
  '31+6,gzau,u+2n,3k+6n';
const WIDE_RANGES =
  '3cw+2n,3i2+1,5p+3,3,2,eh+1,l+1,q+7,g+b,17,a+5,3,d,8+1,h+1,5+1,8,5,l,7+1,1,4,2,7,4+1,s,z,1,' +
  '4+2,1,1p+2,o,e,nv+1,1f,4,mi+p,1+2g,c+5x,q+26,2+2d,2+2u,5+16,1+2l,1+2d,9+1b,1+13,8+mkc,3+1i,' +
  'wp+s,hv+8mb,6sq+6p,ls+9,m+y,1+i,1+3,45+2n,3j+6,m49+4,b+6,9+5p1,15+v,2p+36,6pp+3,1+6,1+1,1+82,' +
  'f,t+2,2,e+3,8+az,6bo+2e,9+m,5n1,5m,5a,2+9,23+s,d+17,4+8,7+1,e+5,4a+w,c+8,1+1x,1+l,c+16,4+4,' +
  'c+g,3,3+1y,1,1+56,2+1q,d+3,1+n,i,q+1,d,2e+2c,1c+1x,6,3+2,2+3,3+3,b+1,7+8,6b+b,4,7v+1a,1+9,' +
  '1+54,34+c,3+a,3+1k,1,4+f,2+b,4+9,zr+1ekd,2+1ekd';

function decodeRanges(encoded) {
  const starts = [];
  const ends = [];
  let previousEnd = -1;
  const parts = splitOn(encoded, ',');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const plus = StringPrototypeIndexOf(part, '+');
    const gap = NumberParseInt(plus === -1 ? part : StringPrototypeSlice(part, 0, plus), 36);
    const extra = plus === -1 ? 0 : NumberParseInt(StringPrototypeSlice(part, plus + 1), 36);
    const start = previousEnd + 1 + gap;
    ArrayPrototypePush(starts, start);
    ArrayPrototypePush(ends, start + extra);
    previousEnd = start + extra;
  }
  return { __proto__: null, starts, ends };
}

let zeroWidth;
let wideWidth;

function inRanges(table, cp) {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cp < table.starts[mid]) hi = mid - 1;
    else if (cp > table.ends[mid]) lo = mid + 1;
    else return true;
  }
  return false;
}

function columnsOf(cp) {
  if (zeroWidth === undefined) {
    zeroWidth = decodeRanges(ZERO_WIDTH_RANGES);
    wideWidth = decodeRanges(WIDE_RANGES);
  }
  if (inRanges(zeroWidth, cp)) return 0;
  return inRanges(wideWidth, cp) ? 2 : 1;
}

/**
 * Number of terminal columns `str` occupies: full-width and emoji characters
 * count two, combining marks and control characters none. ANSI escape
 * sequences are removed first unless `removeControlChars` is false.
 */
function getStringWidth(str, removeControlChars = true) {
  let width = 0;
  if (removeControlChars) str = stripVTControlCharacters(str);
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    if (code >= 127) {
      let rest = StringPrototypeSlice(str, i);
      try {
        rest = StringPrototypeNormalize(rest, 'NFC');
      } catch {
        // Unnormalisable input: measure as is.
      }
      for (let j = 0; j < rest.length; j++) {
        const cp = StringPrototypeCodePointAt(rest, j);
        if (cp > 0xffff) j++;
        width += columnsOf(cp);
      }
      break;
    }
    width += code >= 32 ? 1 : 0;
  }
  return width;
}

// ANSI/VT control sequences: CSI sequences (ESC [ or the single-byte CSI)
// with their parameters and final byte, and OSC-style strings ended by BEL,
// ESC \ or ST. (The pattern is the one of the widely used `ansi-regex`
// package, which Node's output follows.)
const ansiPattern = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?' +
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~]))', 'g');

/** Removes ANSI escape sequences from `str`. */
function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw invalidArgType('str', 'of type string', str);
  return replaceMatches(ansiPattern, str, () => '');
}

module.exports = {
  inspect,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  identicalSequenceRange,
  inspectDefaultOptions,
  setPublicInspect,
};
