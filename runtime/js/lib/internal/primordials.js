'use strict';
// makePrimordials(global): a frozen, null-prototype table of the ECMAScript
// built-ins, captured once, before any user code runs.
//
// Why: islet's internal JS (util.inspect above all) must behave the same no
// matter what a script has done to the built-in prototypes. A script may
// replace Array.prototype.push, String.prototype.slice, Map.prototype.entries,
// Function.prototype.call, put getters on Object.prototype, and so on. Internal
// code that calls built-ins only through this table is immune: every entry is
// the original function, and prototype methods are "uncurried" so that calling
// them involves no property lookup on the receiver or on Function.prototype.
//
// Naming convention (the same one Node.js uses for its primordials, so code
// written against either reads the same):
//
//   <Global>                      the constructor / namespace itself  (Map, Math, ObjectPrototype is below)
//   <Global><Name>                static data/method                  (ObjectKeys, ArrayIsArray, NumberMAX_SAFE_INTEGER)
//   <Global>Symbol<Name>          static keyed by a well-known symbol (rare; e.g. none needed today)
//   <Global>Prototype             the prototype object                (ObjectPrototype, ArrayPrototype)
//   <Global>Prototype<Name>       uncurried method: f(receiver, ...args)   (ArrayPrototypePush(arr, x))
//   <Global>PrototypeSymbol<Name> uncurried method keyed by a well-known symbol (RegExpPrototypeSymbolReplace)
//   <Global>PrototypeGet<Name>    uncurried getter: f(receiver)       (MapPrototypeGetSize(map))
//   <Global>PrototypeSet<Name>    uncurried setter: f(receiver, value)
//   <Global>PrototypeGetSymbol<Name>  getter keyed by a symbol        (TypedArrayPrototypeGetSymbolToStringTag)
//
// "TypedArray" is the shared intrinsic %TypedArray% (the prototype of
// Uint8Array and friends). The iterator prototypes that have no global name
// are exposed as ArrayIteratorPrototype, MapIteratorPrototype,
// SetIteratorPrototype, StringIteratorPrototype, RegExpStringIteratorPrototype,
// IteratorPrototype, GeneratorPrototype, AsyncGeneratorPrototype and the
// prototypes of the special function kinds (AsyncFunctionPrototype,
// GeneratorFunctionPrototype, AsyncGeneratorFunctionPrototype), with their
// methods named the same way (MapIteratorPrototypeNext(it)).
//
// Extras:
//   uncurryThis(fn)   -> (receiver, ...args) => fn.call(receiver, ...args), immune to later patches
//   applyBind(fn)     -> (receiver, argsArray) => fn.apply(receiver, argsArray)
//   SafeMap, SafeSet, SafeWeakMap, SafeWeakSet
//                     -> subclasses whose prototypes carry their own copies of
//                        the original methods (frozen), so a patch to
//                        Map.prototype.get etc. cannot reach them. Iterate them
//                        with forEach or the *IteratorPrototypeNext entries,
//                        not with for-of (the iterator protocol goes through
//                        %MapIteratorPrototype%.next, which is patchable).
//   globalThis functions parseInt, parseFloat, isNaN, isFinite, encodeURI,
//   encodeURIComponent, decodeURI, decodeURIComponent under their own names.
//
// The function only reads `global`; it never writes to it. Call it as early as
// possible (before user code); the result is frozen and safe to share.

function makePrimordials(global, wanted) {
  // Captured first: everything below goes through these three, never through
  // a property lookup made after a script could have run.
  const FunctionPrototype = global.Function.prototype;
  const { bind, call, apply } = FunctionPrototype;
  // uncurryThis(fn)(receiver, a, b) === fn.call(receiver, a, b), using the
  // original `call`, bound now.
  const uncurryThis = bind.bind(call);
  const applyBind = bind.bind(apply);

  const getOwnPropertyNames = global.Object.getOwnPropertyNames;
  const getOwnPropertySymbols = global.Object.getOwnPropertySymbols;
  const getOwnPropertyDescriptor = global.Object.getOwnPropertyDescriptor;
  const getPrototypeOf = global.Object.getPrototypeOf;
  const defineProperty = global.Object.defineProperty;
  const freeze = global.Object.freeze;

  const table = { __proto__: null };

  // 'toString' -> 'ToString'; Symbol.iterator -> 'SymbolIterator'.
  // Returns undefined for keys that are not worth exposing.
  function keyName(key) {
    if (typeof key === 'symbol') {
      const desc = key.description;
      // Only well-known symbols ("Symbol.iterator") have a stable name.
      if (typeof desc !== 'string' || desc.slice(0, 7) !== 'Symbol.') return undefined;
      const rest = desc.slice(7);
      return `Symbol${rest[0].toUpperCase()}${rest.slice(1)}`;
    }
    if (key === 'constructor' || key.slice(0, 2) === '__') return undefined;
    return `${key[0].toUpperCase()}${key.slice(1)}`;
  }

  function ownKeys(obj) {
    const names = getOwnPropertyNames(obj);
    const symbols = getOwnPropertySymbols(obj);
    for (let i = 0; i < symbols.length; i++) names[names.length] = symbols[i];
    return names;
  }

  function put(name, value) {
    // Only names islet's code uses (`wanted`, when given).
    if (wanted !== undefined && wanted[name] !== true) return;
    // First writer wins: a later, more generic walk never overrides an entry.
    if (!(name in table)) table[name] = value;
  }

  // Statics: every own property of the constructor / namespace. Data
  // properties are copied as they are (functions are not uncurried: they
  // do not depend on a receiver). Accessors are skipped except for
  // well-known-symbol getters, which are rarely useful and omitted too.
  function copyStatics(prefix, source) {
    const keys = ownKeys(source);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'prototype' || key === 'length' || key === 'name' || key === 'caller' || key === 'arguments') continue;
      const name = keyName(key);
      if (name === undefined) continue;
      const desc = getOwnPropertyDescriptor(source, key);
      if ('value' in desc) put(`${prefix}${name}`, desc.value);
    }
  }

  // Prototype members: methods are uncurried, accessors become
  // <Prefix>Get<Name> / <Prefix>Set<Name>. Non-function data is skipped.
  function copyPrototype(prefix, proto) {
    put(prefix, proto);
    const keys = ownKeys(proto);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const name = keyName(key);
      if (name === undefined) continue;
      const desc = getOwnPropertyDescriptor(proto, key);
      if (typeof desc.value === 'function') {
        put(`${prefix}${name}`, uncurryThis(desc.value));
      } else {
        if (typeof desc.get === 'function') put(`${prefix}Get${name}`, uncurryThis(desc.get));
        if (typeof desc.set === 'function') put(`${prefix}Set${name}`, uncurryThis(desc.set));
      }
    }
  }

  // Constructors / namespaces walked by name. Missing ones (an engine built
  // without SharedArrayBuffer, say) are skipped.
  const globalNames = [
    'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt',
    'Date', 'RegExp', 'Promise', 'Proxy', 'Reflect', 'Math', 'JSON', 'Atomics', 'Intl',
    'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError',
    'TypeError', 'URIError',
    'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry',
    'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
    'BigInt64Array', 'BigUint64Array',
  ];
  for (let i = 0; i < globalNames.length; i++) {
    const name = globalNames[i];
    const desc = getOwnPropertyDescriptor(global, name);
    if (desc === undefined || !('value' in desc)) continue;
    const value = desc.value;
    if (value === undefined || value === null) continue;
    put(name, value);
    copyStatics(name, value);
    // Proxy has no prototype; Math, JSON, Reflect, Atomics, Intl are plain
    // namespaces.
    if (typeof value === 'function' && value.prototype !== undefined && value.prototype !== null) {
      copyPrototype(`${name}Prototype`, value.prototype);
    }
  }

  // %TypedArray%: the shared base of the typed array classes. Its prototype
  // holds the getters (length, byteLength, buffer, @@toStringTag) that work
  // on every typed array regardless of its own prototype chain.
  const TypedArray = getPrototypeOf(global.Uint8Array);
  put('TypedArray', TypedArray);
  copyStatics('TypedArray', TypedArray);
  copyPrototype('TypedArrayPrototype', TypedArray.prototype);

  // Intrinsics reachable only through instances.
  const intrinsicProtos = [
    ['ArrayIteratorPrototype', () => getPrototypeOf([][global.Symbol.iterator]())],
    ['MapIteratorPrototype', () => getPrototypeOf(new global.Map()[global.Symbol.iterator]())],
    ['SetIteratorPrototype', () => getPrototypeOf(new global.Set()[global.Symbol.iterator]())],
    ['StringIteratorPrototype', () => getPrototypeOf(''[global.Symbol.iterator]())],
    ['RegExpStringIteratorPrototype', () => getPrototypeOf(/(?:)/g[global.Symbol.matchAll](''))],
    ['IteratorPrototype', () => getPrototypeOf(getPrototypeOf([][global.Symbol.iterator]()))],
    // eslint-disable-next-line no-empty-function
    ['GeneratorPrototype', () => getPrototypeOf(function* g() {}).prototype],
    // eslint-disable-next-line no-empty-function
    ['AsyncGeneratorPrototype', () => getPrototypeOf(async function* g() {}).prototype],
    // eslint-disable-next-line no-empty-function
    ['AsyncFunctionPrototype', () => getPrototypeOf(async function f() {})],
    // eslint-disable-next-line no-empty-function
    ['GeneratorFunctionPrototype', () => getPrototypeOf(function* g() {})],
    // eslint-disable-next-line no-empty-function
    ['AsyncGeneratorFunctionPrototype', () => getPrototypeOf(async function* g() {})],
  ];
  for (let i = 0; i < intrinsicProtos.length; i++) {
    let proto;
    try { proto = intrinsicProtos[i][1](); } catch { continue; }
    if (proto !== undefined && proto !== null) copyPrototype(intrinsicProtos[i][0], proto);
  }

  // Plain global functions.
  const globalFunctions = ['parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURI',
                           'encodeURIComponent', 'decodeURI', 'decodeURIComponent'];
  for (let i = 0; i < globalFunctions.length; i++) {
    const desc = getOwnPropertyDescriptor(global, globalFunctions[i]);
    if (desc !== undefined && typeof desc.value === 'function') put(globalFunctions[i], desc.value);
  }

  // Safe collections: a subclass whose prototype has its own (frozen) copy of
  // every original method and accessor, so `safeMap.get(k)` resolves on the
  // subclass prototype and never reaches Map.prototype.
  function makeSafe(Base) {
    // An explicit constructor: the implicit one would spread its arguments
    // through the (patchable) array iterator.
    const Safe = class extends Base {
      constructor(iterable) {
        super(iterable);
      }
    };
    const keys = ownKeys(Base.prototype);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 'constructor') continue;
      defineProperty(Safe.prototype, keys[i], getOwnPropertyDescriptor(Base.prototype, keys[i]));
    }
    freeze(Safe.prototype);
    return freeze(Safe);
  }
  table.SafeMap = makeSafe(global.Map);
  table.SafeSet = makeSafe(global.Set);
  table.SafeWeakMap = makeSafe(global.WeakMap);
  table.SafeWeakSet = makeSafe(global.WeakSet);

  table.uncurryThis = uncurryThis;
  table.applyBind = applyBind;
  table.globalThis = global;
  // Object.hasOwn is one of the features V8 10.2 ships behind a flag, which
  // V8 installs only in contexts made from a snapshot, never in the one the
  // environment snapshot is made in: its equivalent, so that the table is
  // the same either way.
  table.ObjectHasOwn = uncurryThis(global.Object.prototype.hasOwnProperty);

  // The Safe classes above keep this function's context alive, and with it
  // every variable their siblings use: drop the list of wanted names (a few
  // thousand strings).
  wanted = undefined;
  return freeze(table);
}

// Reading a name the table lacks is a mistake in islet's JS (a typo, or a
// flag-shipped built-in such as Array.prototype.findLast, absent where the
// environment snapshot is made): it throws while the environment is set
// up, failing the snapshot loudly, instead of handing out undefined.
// Only the names islet's builtin modules mention: the whole table is ~600
// entries, most of them bound functions, and cost 0.04 MiB of every idle
// worker (1.28 against 1.24 MiB at 1,000 workers). The native side lists the
// identifiers in the sources (once per process), which takes in many names
// that are not primordials: a harmless superset. A name read but not captured throws (below), so a
// module cannot use one this scan missed without failing loudly.
function namesInBuiltins() {
  const identifiers = internalBinding('builtins').builtinIdentifiers();
  const names = { __proto__: null };
  for (let i = 0; i < identifiers.length; i++) names[identifiers[i]] = true;
  return names;
}
const table = makePrimordials(globalThis, namesInBuiltins());
module.exports = new Proxy(table, {
  __proto__: null,
  get(target, name) {
    const value = target[name];
    if (value === undefined && !(name in target)) {
      throw new Error('primordials: no ' + String(name));
    }
    return value;
  },
});


