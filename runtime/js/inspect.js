(function (natives) {
  'use strict';
  // Port of Node.js v20 lib/internal/util/inspect.js (MIT License, Copyright Node.js contributors).
  // `natives` (all optional): previewEntries(obj, isIterator) like Node's binding; getPromiseState(p) ->
  // [state, result] (undefined for non-promises); getProxyDetails(p) -> [target, handler] (undefined for
  // non-proxies); type checks (isPromise, isMapIterator, isAsyncFunction, ...) and getConstructorName
  // override the pure-JS fallbacks below.
  natives = natives || {};
  // "Primordials": capture built-ins up front so user code that monkey-patches
  // prototypes cannot change the output (mirrors Node's primordials).
  const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
  const getterOf = (proto, key) => {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    return desc && desc.get ? uncurryThis(desc.get) : undefined;
  };
  const uncurryAll = (proto, names) => names.map((n) => uncurryThis(proto[n]));
  const ArrayIsArray = Array.isArray;
  const [ArrayPrototypeFilter, ArrayPrototypeForEach, ArrayPrototypeIncludes, ArrayPrototypeIndexOf,
    ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeSlice,
    ArrayPrototypeSplice, ArrayPrototypeSort, ArrayPrototypeUnshift] = uncurryAll(Array.prototype,
    ['filter', 'forEach', 'includes', 'indexOf', 'join', 'map', 'pop', 'push', 'slice', 'splice', 'sort', 'unshift']);
  const ArrayPrototypePushApply = (arr, items) => {
    for (let i = 0; i < items.length; i++) ArrayPrototypePush(arr, items[i]);
  };
  const BigIntPrototypeValueOf = typeof BigInt === 'function' ? uncurryThis(BigInt.prototype.valueOf) : undefined;
  const BooleanPrototypeValueOf = uncurryThis(Boolean.prototype.valueOf);
  const DatePrototypeGetTime = uncurryThis(Date.prototype.getTime);
  const DatePrototypeToISOString = uncurryThis(Date.prototype.toISOString);
  const DatePrototypeToString = uncurryThis(Date.prototype.toString);
  const ErrorPrototypeToString = uncurryThis(Error.prototype.toString);
  const FunctionPrototypeCall = (fn, thisArg, ...args) => Reflect.apply(fn, thisArg, args);
  const FunctionPrototypeBind = uncurryThis(Function.prototype.bind);
  const FunctionPrototypeSymbolHasInstance = uncurryThis(Function.prototype[Symbol.hasInstance]);
  const FunctionPrototypeToString = uncurryThis(Function.prototype.toString);
  const JSONStringify = JSON.stringify;
  const MapPrototypeGetSize = getterOf(Map.prototype, 'size');
  const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
  const { floor: MathFloor, max: MathMax, min: MathMin, round: MathRound, sqrt: MathSqrt, trunc: MathTrunc } = Math;
  const { isFinite: NumberIsFinite, isNaN: NumberIsNaN, parseFloat: NumberParseFloat, parseInt: NumberParseInt } = Number;
  const NumberPrototypeToString = uncurryThis(Number.prototype.toString);
  const NumberPrototypeValueOf = uncurryThis(Number.prototype.valueOf);
  const { assign: ObjectAssign, defineProperty: ObjectDefineProperty, getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
    getOwnPropertyNames: ObjectGetOwnPropertyNames, getOwnPropertySymbols: ObjectGetOwnPropertySymbols,
    getPrototypeOf: ObjectGetPrototypeOf, is: ObjectIs, keys: ObjectKeys, seal: ObjectSeal,
    setPrototypeOf: ObjectSetPrototypeOf } = Object;
  const ObjectPrototype = Object.prototype;
  const ObjectPrototypeHasOwnProperty = uncurryThis(Object.prototype.hasOwnProperty);
  const ObjectPrototypePropertyIsEnumerable = uncurryThis(Object.prototype.propertyIsEnumerable);
  const ObjectPrototypeIsPrototypeOf = uncurryThis(Object.prototype.isPrototypeOf);
  const ObjectPrototypeToString = uncurryThis(Object.prototype.toString);
  const ReflectApply = Reflect.apply;
  const ReflectOwnKeys = Reflect.ownKeys;
  const RegExpPrototypeExec = uncurryThis(RegExp.prototype.exec);
  const RegExpPrototypeSymbolReplace = uncurryThis(RegExp.prototype[Symbol.replace]);
  const RegExpPrototypeSymbolSplit = uncurryThis(RegExp.prototype[Symbol.split]);
  const RegExpPrototypeToString = uncurryThis(RegExp.prototype.toString);
  const RegExpPrototypeGetGlobal = getterOf(RegExp.prototype, 'global');
  const SafeMap = Map;
  const SafeSet = Set;
  const MapPrototypeGet = uncurryThis(Map.prototype.get);
  const MapPrototypeSet = uncurryThis(Map.prototype.set);
  const SetPrototypeHas = uncurryThis(Set.prototype.has);
  const SetPrototypeAdd = uncurryThis(Set.prototype.add);
  const SetPrototypeGetSize = getterOf(Set.prototype, 'size');
  const SetPrototypeValues = uncurryThis(Set.prototype.values);
  const [StringPrototypeCharCodeAt, StringPrototypeCodePointAt, StringPrototypeIncludes, StringPrototypeIndexOf,
    StringPrototypeLastIndexOf, StringPrototypeNormalize, StringPrototypePadEnd, StringPrototypePadStart,
    StringPrototypeRepeat, StringPrototypeReplaceAll, StringPrototypeSlice, StringPrototypeSplit,
    StringPrototypeEndsWith, StringPrototypeStartsWith, StringPrototypeToLowerCase, StringPrototypeTrim,
    StringPrototypeValueOf] = uncurryAll(String.prototype, ['charCodeAt', 'codePointAt', 'includes', 'indexOf',
    'lastIndexOf', 'normalize', 'padEnd', 'padStart', 'repeat', 'replaceAll', 'slice', 'split', 'endsWith',
    'startsWith', 'toLowerCase', 'trim', 'valueOf']);
  const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
  const SymbolPrototypeValueOf = uncurryThis(Symbol.prototype.valueOf);
  const SymbolIterator = Symbol.iterator;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const SymbolToStringTag = Symbol.toStringTag;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const TypedArrayPrototypeGetLength = getterOf(TypedArrayPrototype, 'length');
  const TypedArrayPrototypeGetSymbolToStringTag = getterOf(TypedArrayPrototype, SymbolToStringTag);
  const ArrayBufferPrototypeGetByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
  const SharedArrayBufferPrototypeGetByteLength = typeof SharedArrayBuffer === 'function' ?
    getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
  const DataViewPrototypeGetBuffer = getterOf(DataView.prototype, 'buffer');
  const WeakMapPrototypeHas = uncurryThis(WeakMap.prototype.has);
  const WeakSetPrototypeHas = uncurryThis(WeakSet.prototype.has);
  const PromisePrototype = Promise.prototype;
  const MapIteratorPrototype = ObjectGetPrototypeOf(new Map()[SymbolIterator]());
  const SetIteratorPrototype = ObjectGetPrototypeOf(new Set()[SymbolIterator]());
  const getFnProto = (src) => { try { return ObjectGetPrototypeOf(new Function(`return ${src}`)()); } catch { return undefined; } };
  const AsyncFunctionPrototype = getFnProto('async function () {}');
  const GeneratorFunctionPrototype = getFnProto('function* () {}');
  const AsyncGeneratorFunctionPrototype = getFnProto('async function* () {}');
  const globalObject = typeof globalThis === 'object' ? globalThis : Function('return this')();
  // Type checks (pure JS brand checks; optional natives take precedence).
  const nativeCheck = (name, fallback) => (typeof natives[name] === 'function' ? (v) => !!natives[name](v) : fallback);
  const brand = (fn) => (v) => {
    try { fn(v); return true; } catch { return false; }
  };
  const hasStringTag = (v) => {
    try { return typeof v[SymbolToStringTag] === 'string'; } catch { return true; }
  };
  // Exceptions are slow, so only brand-check objects that could carry the slot: those with a
  // string @@toStringTag (Map, Set, ... instances inherit one) or not inheriting Object.prototype.
  // Date/RegExp/Number/String/Boolean have no @@toStringTag, so Object.prototype.toString is exact.
  const slotBrand = (fn) => {
    const check = brand(fn);
    return (v) => (hasStringTag(v) || !ObjectPrototypeIsPrototypeOf(ObjectPrototype, v)) && check(v);
  };
  const tagBrand = (name, fn) => {
    const check = brand(fn);
    return (v) => (hasStringTag(v) ? check(v) : ObjectPrototypeToString(v) === `[object ${name}]`);
  };
  const isMap = nativeCheck('isMap', slotBrand(MapPrototypeGetSize));
  const isSet = nativeCheck('isSet', slotBrand(SetPrototypeGetSize));
  const isWeakMap = nativeCheck('isWeakMap', slotBrand((v) => WeakMapPrototypeHas(v, ObjectPrototype)));
  const isWeakSet = nativeCheck('isWeakSet', slotBrand((v) => WeakSetPrototypeHas(v, ObjectPrototype)));
  const isDate = nativeCheck('isDate', tagBrand('Date', DatePrototypeGetTime));
  const isRegExp = nativeCheck('isRegExp', tagBrand('RegExp', (v) => {
    if (typeof RegExpPrototypeGetGlobal(v) !== 'boolean') throw new TypeError('not a RegExp');
  }));
  const isTypedArray = nativeCheck('isTypedArray', (v) => TypedArrayPrototypeGetSymbolToStringTag(v) !== undefined);
  const isArrayBuffer = nativeCheck('isArrayBuffer', slotBrand(ArrayBufferPrototypeGetByteLength));
  const isSharedArrayBuffer = SharedArrayBufferPrototypeGetByteLength === undefined ?
    () => false : nativeCheck('isSharedArrayBuffer', slotBrand(SharedArrayBufferPrototypeGetByteLength));
  const isAnyArrayBuffer = (v) => isArrayBuffer(v) || isSharedArrayBuffer(v);
  const isDataView = nativeCheck('isDataView', slotBrand(DataViewPrototypeGetBuffer));
  const isNumberObject = nativeCheck('isNumberObject', tagBrand('Number', NumberPrototypeValueOf));
  const isStringObject = nativeCheck('isStringObject', tagBrand('String', StringPrototypeValueOf));
  const isBooleanObject = nativeCheck('isBooleanObject', tagBrand('Boolean', BooleanPrototypeValueOf));
  const isBigIntObject = BigIntPrototypeValueOf === undefined ? () => false :
    nativeCheck('isBigIntObject', slotBrand(BigIntPrototypeValueOf));
  const isSymbolObject = nativeCheck('isSymbolObject', slotBrand(SymbolPrototypeValueOf));
  const isBoxedPrimitive = (v) => isNumberObject(v) || isStringObject(v) ||
    isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v);
  const isNativeError = nativeCheck('isNativeError', (v) =>
    !hasStringTag(v) && ObjectPrototypeToString(v) === '[object Error]');
  const isArgumentsObject = nativeCheck('isArgumentsObject', (v) =>
    !hasStringTag(v) && ObjectPrototypeToString(v) === '[object Arguments]');
  const isMapIterator = nativeCheck('isMapIterator', (v) => ObjectPrototypeIsPrototypeOf(MapIteratorPrototype, v));
  const isSetIterator = nativeCheck('isSetIterator', (v) => ObjectPrototypeIsPrototypeOf(SetIteratorPrototype, v));
  const isAsyncFunction = nativeCheck('isAsyncFunction', (v) =>
    (AsyncFunctionPrototype !== undefined && ObjectPrototypeIsPrototypeOf(AsyncFunctionPrototype, v)) ||
    (AsyncGeneratorFunctionPrototype !== undefined &&
     ObjectPrototypeIsPrototypeOf(AsyncGeneratorFunctionPrototype, v)));
  const isGeneratorFunction = nativeCheck('isGeneratorFunction', (v) =>
    (GeneratorFunctionPrototype !== undefined && ObjectPrototypeIsPrototypeOf(GeneratorFunctionPrototype, v)) ||
    (AsyncGeneratorFunctionPrototype !== undefined &&
     ObjectPrototypeIsPrototypeOf(AsyncGeneratorFunctionPrototype, v)));
  const isModuleNamespaceObject = nativeCheck('isModuleNamespaceObject', (v) => {
    if (ObjectGetPrototypeOf(v) !== null || Object.isExtensible(v)) return false;
    const desc = ObjectGetOwnPropertyDescriptor(v, SymbolToStringTag);
    return desc !== undefined && desc.value === 'Module' && !desc.writable && !desc.enumerable && !desc.configurable;
  });
  const isExternal = nativeCheck('isExternal', () => false);
  // Promises can't be brand-checked without side effects in plain JS; use the
  // prototype chain / tag and, if present, the native state getter.
  const isPromise = nativeCheck('isPromise', (v) => {
    if (!ObjectPrototypeIsPrototypeOf(PromisePrototype, v) && ObjectPrototypeToString(v) !== '[object Promise]') {
      return false;
    }
    if (typeof natives.getPromiseState === 'function') {
      try { return ArrayIsArray(natives.getPromiseState(v)); } catch { return false; }
    }
    return ObjectPrototypeIsPrototypeOf(PromisePrototype, v);
  });
  function isError(e) { return isNativeError(e) || e instanceof Error; }
  const kPending = 0;
  const kRejected = 2;
  const ALL_PROPERTIES = 0;
  const ONLY_ENUMERABLE = 2;
  function getProxyDetails(value, showProxy) {
    if (typeof natives.getProxyDetails !== 'function') return undefined;
    const details = natives.getProxyDetails(value);
    if (details === undefined || details === null) return undefined;
    if (showProxy) return [details[0], details[1]];
    return details[0];
  }
  function getPromiseDetails(value) {
    if (typeof natives.getPromiseState === 'function') {
      const res = natives.getPromiseState(value);
      if (ArrayIsArray(res)) return res;
    }
    return undefined;
  }
  function previewEntries(value, isIterator) {
    if (typeof natives.previewEntries !== 'function') return undefined;
    return isIterator ? natives.previewEntries(value, true) : natives.previewEntries(value);
  }
  const arrayIndexRegExp = /^(?:0|[1-9][0-9]*)$/;
  function getOwnNonIndexProperties(obj, filter) {
    const allKeys = ReflectOwnKeys(obj);
    const keys = [];
    for (let i = 0; i < allKeys.length; i++) {
      const key = allKeys[i];
      if (typeof key === 'string' && RegExpPrototypeExec(arrayIndexRegExp, key) !== null && +key < 4294967295) {
        continue;
      }
      if (filter === ONLY_ENUMERABLE && !ObjectPrototypePropertyIsEnumerable(obj, key)) { continue; }
      ArrayPrototypePush(keys, key);
    }
    return keys;
  }
  // Approximates V8's JSReceiver::GetConstructorName (minus the map's
  // original constructor, which is not observable from JS).
  function internalGetConstructorName(value) {
    if (typeof natives.getConstructorName === 'function') { return natives.getConstructorName(value); }
    let obj = value;
    for (let i = 0; obj !== null && i < 1000; i++) {
      const tagDesc = ObjectGetOwnPropertyDescriptor(obj, SymbolToStringTag);
      if (tagDesc !== undefined && typeof tagDesc.value === 'string') return tagDesc.value;
      if (obj !== value) {
        const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
        if (desc !== undefined && typeof desc.value === 'function') {
          const name = desc.value.name;
          if (typeof name === 'string' && name !== '' && name !== 'Object') return name;
        }
      }
      obj = ObjectGetPrototypeOf(obj);
    }
    if (typeof value === 'function') return 'Function';
    if (ArrayIsArray(value)) return 'Array';
    if (isTypedArray(value)) return TypedArrayPrototypeGetSymbolToStringTag(value);
    const checks = [[isError, 'Error'], [isDate, 'Date'], [isRegExp, 'RegExp'], [isMap, 'Map'],
                    [isSet, 'Set'], [isWeakMap, 'WeakMap'], [isWeakSet, 'WeakSet'],
                    [isArrayBuffer, 'ArrayBuffer'], [isSharedArrayBuffer, 'SharedArrayBuffer'],
                    [isDataView, 'DataView'], [isNumberObject, 'Number'], [isStringObject, 'String'],
                    [isBooleanObject, 'Boolean'], [isBigIntObject, 'BigInt'], [isSymbolObject, 'Symbol'],
                    [isArgumentsObject, 'Arguments']];
    for (let i = 0; i < checks.length; i++) { if (checks[i][0](value)) return checks[i][1]; }
    return 'Object';
  }
  let maxStackErrorName;
  let maxStackErrorMessage;
  function isStackOverflowError(err) {
    if (maxStackErrorMessage === undefined) {
      try {
        const overflowStack = () => { overflowStack(); };
        overflowStack();
      } catch (e) {
        maxStackErrorMessage = e.message;
        maxStackErrorName = e.name;
      }
    }
    return err && err.name === maxStackErrorName && err.message === maxStackErrorMessage;
  }
  function join(output, separator) {
    let str = '';
    if (output.length !== 0) {
      const lastIndex = output.length - 1;
      for (let i = 0; i < lastIndex; i++) {
        str += output[i];
        str += separator;
      }
      str += output[lastIndex];
    }
    return str;
  }
  const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
  // The ECMAScript globals Node sees when it builds this set (its bootstrap
  // hides SharedArrayBuffer, Atomics and WebAssembly at that point).
  const builtInObjects = new SafeSet(StringPrototypeSplit(
    'Object Function Array Number Infinity NaN Boolean String Symbol Date Promise ' +
    'RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError ' +
    'TypeError URIError JSON Math Intl ArrayBuffer Uint8Array Int8Array Uint16Array ' +
    'Int16Array Uint32Array Int32Array Float32Array Float64Array Uint8ClampedArray ' +
    'BigUint64Array BigInt64Array DataView Map BigInt Set WeakMap WeakSet Proxy ' +
    'Reflect FinalizationRegistry WeakRef', ' '));
  const isUndetectableObject = (v) => typeof v === 'undefined' && v !== undefined;
  const inspectDefaultOptions = ObjectSeal({
    showHidden: false, depth: 2, colors: false, customInspect: true,
    showProxy: false, maxArrayLength: 100, maxStringLength: 10000, breakLength: 80,
    compact: 3, sorted: false, getters: false, numericSeparator: false });
  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;
  const strEscapeSequencesRegExp = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const strEscapeSequencesReplacer = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const strEscapeSequencesRegExpSingle = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const strEscapeSequencesReplacerSingle = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const numberRegExp = /^(0|[1-9][0-9]*)$/;
  const classRegExp = /^(\s+[^(]*?)\s*{/;
  const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;
  const kMinLineLength = 16;
  const kWeak = 0;
  const kIterator = 1;
  const kMapEntries = 2;
  const meta = [];
  for (let i = 0; i < 0xa0; i++) {
    meta[i] = (i < 0x20 || i >= 0x7f) ? `\\x${NumberPrototypeToString(i, 16).toUpperCase().padStart(2, '0')}` : '';
  }
  meta[8] = '\\b'; meta[9] = '\\t'; meta[10] = '\\n'; meta[12] = '\\f'; meta[13] = '\\r';
  meta[39] = "\\'"; meta[92] = '\\\\';
  const ansi = new RegExp('[\\u001B\\u009B][[\\]()#;?]*' +
    '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' + '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))' + '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?' + '[\\dA-PR-TZcf-nq-uy=><~]))', 'g');
  function getUserOptions(ctx, isCrossContext) {
    const ret = {
      stylize: ctx.stylize, showHidden: ctx.showHidden, depth: ctx.depth, colors: ctx.colors,
      customInspect: ctx.customInspect, showProxy: ctx.showProxy,
      maxArrayLength: ctx.maxArrayLength, maxStringLength: ctx.maxStringLength,
      breakLength: ctx.breakLength, compact: ctx.compact, sorted: ctx.sorted, getters: ctx.getters,
      numericSeparator: ctx.numericSeparator, ...ctx.userOptions };
    if (isCrossContext) {
      ObjectSetPrototypeOf(ret, null);
      for (const key of ObjectKeys(ret)) {
        if ((typeof ret[key] === 'object' || typeof ret[key] === 'function') && ret[key] !== null) { delete ret[key]; }
      }
      ret.stylize = ObjectSetPrototypeOf((value, flavour) => {
        let stylized;
        try {
          stylized = `${ctx.stylize(value, flavour)}`;
        } catch { // Continue regardless of error.
        }
        if (typeof stylized !== 'string') return value;
        return stylized;
      }, null);
    }
    return ret;
  }
  function inspect(value, opts) {
    const ctx = {
      budget: {}, indentationLvl: 0, seen: [], currentDepth: 0,
      stylize: stylizeNoColor, showHidden: inspectDefaultOptions.showHidden,
      depth: inspectDefaultOptions.depth, colors: inspectDefaultOptions.colors,
      customInspect: inspectDefaultOptions.customInspect, showProxy: inspectDefaultOptions.showProxy,
      maxArrayLength: inspectDefaultOptions.maxArrayLength, maxStringLength: inspectDefaultOptions.maxStringLength,
      breakLength: inspectDefaultOptions.breakLength, compact: inspectDefaultOptions.compact,
      sorted: inspectDefaultOptions.sorted, getters: inspectDefaultOptions.getters,
      numericSeparator: inspectDefaultOptions.numericSeparator };
    if (arguments.length > 1) {
      if (arguments.length > 2) {
        if (arguments[2] !== undefined) { ctx.depth = arguments[2]; }
        if (arguments.length > 3 && arguments[3] !== undefined) { ctx.colors = arguments[3]; }
      }
      if (typeof opts === 'boolean') {
        ctx.showHidden = opts;
      } else if (opts) {
        const optKeys = ObjectKeys(opts);
        for (let i = 0; i < optKeys.length; ++i) {
          const key = optKeys[i];
          if (ObjectPrototypeHasOwnProperty(inspectDefaultOptions, key) || key === 'stylize') {
            ctx[key] = opts[key];
          } else if (ctx.userOptions === undefined) { ctx.userOptions = opts; }
        }
      }
    }
    if (ctx.colors) ctx.stylize = stylizeWithColor;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;
  ObjectDefineProperty(inspect, 'defaultOptions', {
    __proto__: null,
    get() { return inspectDefaultOptions; },
    set(options) {
      if (options === null || typeof options !== 'object') {
        throw new TypeError('The "options" argument must be of type object.');
      }
      return ObjectAssign(inspectDefaultOptions, options);
    },
  });
  // Colors: only the styles used by inspect itself (no color aliases).
  inspect.colors = { __proto__: null, bold: [1, 22], underline: [4, 24], red: [31, 39], green: [32, 39],
    yellow: [33, 39], magenta: [35, 39], cyan: [36, 39], grey: [90, 39] };
  inspect.styles = { __proto__: null, special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow',
    undefined: 'grey', null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red',
    module: 'underline' };
  function addQuotes(str, quotes) {
    if (quotes === -1) { return `"${str}"`; }
    if (quotes === -2) { return `\`${str}\``; }
    return `'${str}'`;
  }
  function escapeFn(str) {
    const charCode = StringPrototypeCharCodeAt(str);
    return meta.length > charCode ? meta[charCode] : `\\u${NumberPrototypeToString(charCode, 16)}`;
  }
  function strEscape(str) {
    let escapeTest = strEscapeSequencesRegExp;
    let escapeReplace = strEscapeSequencesReplacer;
    let singleQuote = 39;
    if (StringPrototypeIncludes(str, "'")) {
      if (!StringPrototypeIncludes(str, '"')) {
        singleQuote = -1;
      } else if (!StringPrototypeIncludes(str, '`') && !StringPrototypeIncludes(str, '${')) { singleQuote = -2; }
      if (singleQuote !== 39) {
        escapeTest = strEscapeSequencesRegExpSingle;
        escapeReplace = strEscapeSequencesReplacerSingle;
      }
    }
    if (str.length < 5000 && RegExpPrototypeExec(escapeTest, str) === null) return addQuotes(str, singleQuote);
    if (str.length > 100) {
      str = RegExpPrototypeSymbolReplace(escapeReplace, str, escapeFn);
      return addQuotes(str, singleQuote);
    }
    let result = '';
    let last = 0;
    for (let i = 0; i < str.length; i++) {
      const point = StringPrototypeCharCodeAt(str, i);
      if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
        if (last === i) result += meta[point];
        else result += `${StringPrototypeSlice(str, last, i)}${meta[point]}`;
        last = i + 1;
      } else if (point >= 0xd800 && point <= 0xdfff) {
        if (point <= 0xdbff && i + 1 < str.length) {
          const point = StringPrototypeCharCodeAt(str, i + 1);
          if (point >= 0xdc00 && point <= 0xdfff) {
            i++;
            continue;
          }
        }
        result += `${StringPrototypeSlice(str, last, i)}\\u${NumberPrototypeToString(point, 16)}`;
        last = i + 1;
      }
    }
    if (last !== str.length) { result += StringPrototypeSlice(str, last); }
    return addQuotes(result, singleQuote);
  }
  function stylizeWithColor(str, styleType) {
    const style = inspect.styles[styleType];
    if (style !== undefined) {
      const color = inspect.colors[style];
      if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
    }
    return str;
  }
  function stylizeNoColor(str) { return str; }
  function getEmptyFormatArray() { return []; }
  function isInstanceof(object, proto) {
    try {
      return object instanceof proto;
    } catch { return false; }
  }
  const wellKnownPrototypes = new SafeMap();
  MapPrototypeSet(wellKnownPrototypes, ObjectPrototype, { name: 'Object', constructor: Object });
  MapPrototypeSet(wellKnownPrototypes, Function.prototype, { name: 'Function', constructor: Function });
  function getConstructorName(obj, ctx, recurseTimes, protoProps) {
    let firstProto;
    const tmp = obj;
    while (obj || isUndetectableObject(obj)) {
      const wellKnownPrototypeNameAndConstructor = MapPrototypeGet(wellKnownPrototypes, obj);
      if (wellKnownPrototypeNameAndConstructor != null) {
        const { name, constructor } = wellKnownPrototypeNameAndConstructor;
        if (FunctionPrototypeSymbolHasInstance(constructor, tmp)) {
          if (protoProps !== undefined && firstProto !== obj) {
            addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
          }
          return name;
        }
      }
      const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          descriptor.value.name !== '' && isInstanceof(tmp, descriptor.value)) {
        if (protoProps !== undefined && (firstProto !== obj ||
           !SetPrototypeHas(builtInObjects, descriptor.value.name))) {
          addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
        }
        return String(descriptor.value.name);
      }
      obj = ObjectGetPrototypeOf(obj);
      if (firstProto === undefined) { firstProto = obj; }
    }
    if (firstProto === null) { return null; }
    const res = internalGetConstructorName(tmp);
    if (recurseTimes > ctx.depth && ctx.depth !== null) { return `${res} <Complex prototype>`; }
    const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
    if (protoConstr === null) {
      return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
    }
    return `${res} <${protoConstr}>`;
  }
  function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
    let depth = 0;
    let keys;
    let keySet;
    do {
      if (depth !== 0 || main === obj) {
        obj = ObjectGetPrototypeOf(obj);
        if (obj === null) { return; }
        const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
        if (descriptor !== undefined && typeof descriptor.value === 'function' &&
            SetPrototypeHas(builtInObjects, descriptor.value.name)) { return; }
      }
      if (depth === 0) keySet = new SafeSet();
      else ArrayPrototypeForEach(keys, (key) => SetPrototypeAdd(keySet, key));
      keys = ReflectOwnKeys(obj);
      ArrayPrototypePush(ctx.seen, main);
      for (const key of keys) {
        if (key === 'constructor' || ObjectPrototypeHasOwnProperty(main, key) ||
            (depth !== 0 && SetPrototypeHas(keySet, key))) { continue; }
        const desc = ObjectGetOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === 'function') { continue; }
        const value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
        if (ctx.colors) ArrayPrototypePush(output, `\u001b[2m${value}\u001b[22m`);
        else ArrayPrototypePush(output, value);
      }
      ArrayPrototypePop(ctx.seen);
    } while (++depth !== 3);
  }
  function getPrefix(constructor, tag, fallback, size = '') {
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) { return `[${fallback}${size}: null prototype] [${tag}] `; }
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== '' && constructor !== tag) { return `${constructor}${size} [${tag}] `; }
    return `${constructor}${size} `;
  }
  function getKeys(value, showHidden) {
    let keys;
    const symbols = ObjectGetOwnPropertySymbols(value);
    if (showHidden) {
      keys = ObjectGetOwnPropertyNames(value);
      if (symbols.length !== 0) ArrayPrototypePushApply(keys, symbols);
    } else {
      try {
        keys = ObjectKeys(value);
      } catch (err) {
        if (!(isNativeError(err) && err.name === 'ReferenceError' && isModuleNamespaceObject(value))) { throw err; }
        keys = ObjectGetOwnPropertyNames(value);
      }
      if (symbols.length !== 0) {
        const filter = (key) => ObjectPrototypePropertyIsEnumerable(value, key);
        ArrayPrototypePushApply(keys, ArrayPrototypeFilter(symbols, filter));
      }
    }
    return keys;
  }
  function getCtxStyle(value, constructor, tag) {
    let fallback = '';
    if (constructor === null) {
      fallback = internalGetConstructorName(value);
      if (fallback === tag) { fallback = 'Object'; }
    }
    return getPrefix(constructor, tag, fallback);
  }
  function formatProxy(ctx, proxy, recurseTimes) {
    if (recurseTimes > ctx.depth && ctx.depth !== null) { return ctx.stylize('Proxy [Array]', 'special'); }
    recurseTimes += 1;
    ctx.indentationLvl += 2;
    const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
    ctx.indentationLvl -= 2;
    return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
  }
  // Note: using `formatValue` directly requires the indentation level to be
  // corrected by setting `ctx.indentationLvL += diff` and then to decrease the
  // value afterwards again.
  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function' &&
        !isUndetectableObject(value)) { return formatPrimitive(ctx.stylize, value, ctx); }
    if (value === null) { return ctx.stylize('null', 'null'); }
    const context = value;
    const proxy = getProxyDetails(value, !!ctx.showProxy);
    if (proxy !== undefined) {
      if (proxy === null || proxy[0] === null) { return ctx.stylize('<Revoked Proxy>', 'special'); }
      if (ctx.showProxy) { return formatProxy(ctx, proxy, recurseTimes); }
      value = proxy;
    }
    if (ctx.customInspect) {
      const maybeCustom = value[customInspectSymbol];
      if (typeof maybeCustom === 'function' && maybeCustom !== publicInspect &&
          !(value.constructor && value.constructor.prototype === value)) {
        const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
        const isCrossContext = proxy !== undefined || !(context instanceof Object);
        const ret = FunctionPrototypeCall(maybeCustom, context, depth, getUserOptions(ctx, isCrossContext), publicInspect);
        if (ret !== context) {
          if (typeof ret !== 'string') { return formatValue(ctx, ret, recurseTimes); }
          return StringPrototypeReplaceAll(ret, '\n', `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
        }
      }
    }
    if (ArrayPrototypeIncludes(ctx.seen, value)) {
      let index = 1;
      if (ctx.circular === undefined) {
        ctx.circular = new SafeMap();
        MapPrototypeSet(ctx.circular, value, index);
      } else {
        index = MapPrototypeGet(ctx.circular, value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          MapPrototypeSet(ctx.circular, value, index);
        }
      }
      return ctx.stylize(`[Circular *${index}]`, 'special');
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }
  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    let protoProps;
    if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) { protoProps = []; }
    const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
    if (protoProps !== undefined && protoProps.length === 0) { protoProps = undefined; }
    let tag = value[SymbolToStringTag];
    if (typeof tag !== 'string' || (tag !== '' && (ctx.showHidden ? ObjectPrototypeHasOwnProperty :
          ObjectPrototypePropertyIsEnumerable)(value, SymbolToStringTag))) { tag = ''; }
    let base = '';
    let formatter = getEmptyFormatArray;
    let braces;
    let noIterator = true;
    let i = 0;
    const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
    let extrasType = kObjectType;
    if (SymbolIterator in value || constructor === null) {
      noIterator = false;
      if (ArrayIsArray(value)) {
        const prefix = (constructor !== 'Array' || tag !== '') ?
          getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
        keys = getOwnNonIndexProperties(value, filter);
        braces = [`${prefix}[`, ']'];
        if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if (isSet(value)) {
        const size = SetPrototypeGetSize(value);
        const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = constructor !== null ? FunctionPrototypeBind(formatSet, null, value) :
          FunctionPrototypeBind(formatSet, null, SetPrototypeValues(value));
        if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
        braces = [`${prefix}{`, '}'];
      } else if (isMap(value)) {
        const size = MapPrototypeGetSize(value);
        const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = constructor !== null ? FunctionPrototypeBind(formatMap, null, value) :
          FunctionPrototypeBind(formatMap, null, MapPrototypeEntries(value));
        if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
        braces = [`${prefix}{`, '}'];
      } else if (isTypedArray(value)) {
        keys = getOwnNonIndexProperties(value, filter);
        let bound = value;
        let fallback = '';
        if (constructor === null) {
          fallback = TypedArrayPrototypeGetSymbolToStringTag(value);
          bound = new globalObject[fallback](value);
        }
        const size = TypedArrayPrototypeGetLength(value);
        const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
        braces = [`${prefix}[`, ']'];
        if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
        formatter = FunctionPrototypeBind(formatTypedArray, null, bound, size);
        extrasType = kArrayExtrasType;
      } else if (isMapIterator(value)) {
        keys = getKeys(value, ctx.showHidden);
        braces = getIteratorBraces('Map', tag);
        formatter = FunctionPrototypeBind(formatIterator, null, braces);
      } else if (isSetIterator(value)) {
        keys = getKeys(value, ctx.showHidden);
        braces = getIteratorBraces('Set', tag);
        formatter = FunctionPrototypeBind(formatIterator, null, braces);
      } else { noIterator = true; }
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ['{', '}'];
      if (typeof value === 'function') {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
      } else if (constructor === 'Object') {
        if (isArgumentsObject(value)) {
          braces[0] = '[Arguments] {';
        } else if (tag !== '') { braces[0] = `${getPrefix(constructor, tag, 'Object')}{`; }
        if (keys.length === 0 && protoProps === undefined) { return `${braces[0]}}`; }
      } else if (isRegExp(value)) {
        base = RegExpPrototypeToString(constructor !== null ? value : new RegExp(value));
        const prefix = getPrefix(constructor, tag, 'RegExp');
        if (prefix !== 'RegExp ') base = `${prefix}${base}`;
        if ((keys.length === 0 && protoProps === undefined) || (recurseTimes > ctx.depth && ctx.depth !== null)) {
          return ctx.stylize(base, 'regexp');
        }
      } else if (isDate(value)) {
        base = NumberIsNaN(DatePrototypeGetTime(value)) ? DatePrototypeToString(value) :
          DatePrototypeToISOString(value);
        const prefix = getPrefix(constructor, tag, 'Date');
        if (prefix !== 'Date ') base = `${prefix}${base}`;
        if (keys.length === 0 && protoProps === undefined) { return ctx.stylize(base, 'date'); }
      } else if (isError(value)) {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else if (isAnyArrayBuffer(value)) {
        const arrayType = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
        const prefix = getPrefix(constructor, tag, arrayType);
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0 && protoProps === undefined) {
          return prefix + `{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
        }
        braces[0] = `${prefix}{`;
        ArrayPrototypeUnshift(keys, 'byteLength');
      } else if (isDataView(value)) {
        braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
        ArrayPrototypeUnshift(keys, 'byteLength', 'byteOffset', 'buffer');
      } else if (isPromise(value)) {
        braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
        formatter = formatPromise;
      } else if (isWeakSet(value)) {
        braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
        formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
      } else if (isWeakMap(value)) {
        braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
        formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
      } else if (isModuleNamespaceObject(value)) {
        braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
        formatter = FunctionPrototypeBind(formatNamespaceObject, null, keys);
      } else if (isBoxedPrimitive(value)) {
        base = getBoxedBase(value, ctx, keys, constructor, tag);
        if (keys.length === 0 && protoProps === undefined) { return base; }
      } else {
        if (keys.length === 0 && protoProps === undefined) {
          if (isExternal(value)) { return ctx.stylize('[External: <address>]', 'special'); }
          return `${getCtxStyle(value, constructor, tag)}{}`;
        }
        braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
      }
    }
    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      let constructorName = StringPrototypeSlice(getCtxStyle(value, constructor, tag), 0, -1);
      if (constructor !== null) constructorName = `[${constructorName}]`;
      return ctx.stylize(constructorName, 'special');
    }
    recurseTimes += 1;
    ArrayPrototypePush(ctx.seen, value);
    ctx.currentDepth = recurseTimes;
    let output;
    const indentationLvl = ctx.indentationLvl;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (i = 0; i < keys.length; i++) {
        ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
      if (protoProps !== undefined) { ArrayPrototypePushApply(output, protoProps); }
    } catch (err) {
      if (!isStackOverflowError(err)) throw err;
      const constructorName = StringPrototypeSlice(getCtxStyle(value, constructor, tag), 0, -1);
      return handleMaxCallStackSize(ctx, err, constructorName, indentationLvl);
    }
    if (ctx.circular !== undefined) {
      const index = MapPrototypeGet(ctx.circular, value);
      if (index !== undefined) {
        const reference = ctx.stylize(`<ref *${index}>`, 'special');
        if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
        else braces[0] = `${reference} ${braces[0]}`;
      }
    }
    ArrayPrototypePop(ctx.seen);
    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) {
        ArrayPrototypeSort(output, comparator);
      } else if (keys.length > 1) {
        const sorted = ArrayPrototypeSort(ArrayPrototypeSlice(output, output.length - keys.length), comparator);
        ArrayPrototypeUnshift(sorted, output, output.length - keys.length, keys.length);
        ReflectApply(ArrayPrototypeSplice, null, sorted);
      }
    }
    const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    const budget = ctx.budget[ctx.indentationLvl] || 0;
    const newLength = budget + res.length;
    ctx.budget[ctx.indentationLvl] = newLength;
    if (newLength > 2 ** 27) { ctx.depth = -1; }
    return res;
  }
  function getIteratorBraces(type, tag) {
    if (tag !== `${type} Iterator`) {
      if (tag !== '') tag += '] [';
      tag += `${type} Iterator`;
    }
    return [`[${tag}] {`, '}'];
  }
  function getBoxedBase(value, ctx, keys, constructor, tag) {
    let fn;
    let type;
    if (isNumberObject(value)) {
      fn = NumberPrototypeValueOf;
      type = 'Number';
    } else if (isStringObject(value)) {
      fn = StringPrototypeValueOf;
      type = 'String';
      ArrayPrototypeSplice(keys, 0, value.length);
    } else if (isBooleanObject(value)) {
      fn = BooleanPrototypeValueOf;
      type = 'Boolean';
    } else if (isBigIntObject(value)) {
      fn = BigIntPrototypeValueOf;
      type = 'BigInt';
    } else {
      fn = SymbolPrototypeValueOf;
      type = 'Symbol';
    }
    let base = `[${type}`;
    if (type !== constructor) {
      if (constructor === null) base += ' (null prototype)';
      else base += ` (${constructor})`;
    }
    base += `: ${formatPrimitive(stylizeNoColor, fn(value), ctx)}]`;
    if (tag !== '' && tag !== constructor) { base += ` [${tag}]`; }
    if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
    return ctx.stylize(base, StringPrototypeToLowerCase(type));
  }
  function getClassBase(value, constructor, tag) {
    const hasName = ObjectPrototypeHasOwnProperty(value, 'name');
    const name = (hasName && value.name) || '(anonymous)';
    let base = `class ${name}`;
    if (constructor !== 'Function' && constructor !== null) { base += ` [${constructor}]`; }
    if (tag !== '' && constructor !== tag) { base += ` [${tag}]`; }
    if (constructor !== null) {
      const superName = ObjectGetPrototypeOf(value).name;
      if (superName) { base += ` extends ${superName}`; }
    } else { base += ' extends [null prototype]'; }
    return `[${base}]`;
  }
  function getFunctionBase(value, constructor, tag) {
    const stringified = FunctionPrototypeToString(value);
    if (StringPrototypeStartsWith(stringified, 'class') && stringified[stringified.length - 1] === '}') {
      const slice = StringPrototypeSlice(stringified, 5, -1);
      const bracketIndex = StringPrototypeIndexOf(slice, '{');
      if (bracketIndex !== -1 && (!StringPrototypeIncludes(StringPrototypeSlice(slice, 0, bracketIndex), '(') ||
          RegExpPrototypeExec(classRegExp, RegExpPrototypeSymbolReplace(stripCommentsRegExp, slice)) !== null)) {
        return getClassBase(value, constructor, tag);
      }
    }
    let type = 'Function';
    if (isGeneratorFunction(value)) { type = `Generator${type}`; }
    if (isAsyncFunction(value)) { type = `Async${type}`; }
    let base = `[${type}`;
    if (constructor === null) { base += ' (null prototype)'; }
    if (value.name === '') base += ' (anonymous)';
    else base += `: ${value.name}`;
    base += ']';
    if (constructor !== type && constructor !== null) { base += ` ${constructor}`; }
    if (tag !== '' && constructor !== tag) { base += ` [${tag}]`; }
    return base;
  }
  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = ArrayPrototypeIndexOf(b, a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = MathMin(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) { len++; }
          if (len > 3) { return { len, offset: i }; }
        }
      }
    }
    return { len: 0, offset: 0 };
  }
  function getStackString(error) { return error.stack ? String(error.stack) : ErrorPrototypeToString(error); }
  function getStackFrames(ctx, err, stack) {
    const frames = StringPrototypeSplit(stack, '\n');
    let cause;
    try {
      ({ cause } = err);
    } catch { // Ignore.
    }
    if (cause != null && isError(cause)) {
      const causeStack = getStackString(cause);
      const causeStackStart = StringPrototypeIndexOf(causeStack, '\n    at');
      if (causeStackStart !== -1) {
        const causeFrames = StringPrototypeSplit(StringPrototypeSlice(causeStack, causeStackStart + 1), '\n');
        const { len, offset } = identicalSequenceRange(frames, causeFrames);
        if (len > 0) {
          const skipped = len - 2;
          const msg = `    ... ${skipped} lines matching cause stack trace ...`;
          ArrayPrototypeSplice(frames, offset + 1, skipped, ctx.stylize(msg, 'undefined'));
        }
      }
    }
    return frames;
  }
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null || (StringPrototypeEndsWith(name, 'Error') && StringPrototypeStartsWith(stack, name) &&
        (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
      let fallback = 'Error';
      if (constructor === null) {
        const start = RegExpPrototypeExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/, stack) ||
        RegExpPrototypeExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
        fallback = (start && start[1]) || '';
        len = fallback.length;
        fallback = fallback || 'Error';
      }
      const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
      if (name !== prefix) {
        if (StringPrototypeIncludes(prefix, name)) {
          if (len === 0) stack = `${prefix}: ${stack}`;
          else stack = `${prefix}${StringPrototypeSlice(stack, len)}`;
        } else { stack = `${prefix} [${name}]${StringPrototypeSlice(stack, len)}`; }
      }
    }
    return stack;
  }
  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (!ctx.showHidden && keys.length !== 0) {
      for (const name of ['name', 'message', 'stack']) {
        const index = ArrayPrototypeIndexOf(keys, name);
        if (index !== -1 && StringPrototypeIncludes(stack, err[name])) { ArrayPrototypeSplice(keys, index, 1); }
      }
    }
  }
  function formatError(err, constructor, tag, ctx, keys) {
    const name = err.name != null ? String(err.name) : 'Error';
    let stack = getStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack);
    if ('cause' in err && (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'cause'))) {
      ArrayPrototypePush(keys, 'cause');
    }
    if (ArrayIsArray(err.errors) && (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'errors'))) {
      ArrayPrototypePush(keys, 'errors');
    }
    stack = improveStack(stack, constructor, name, tag);
    let pos = (err.message && StringPrototypeIndexOf(stack, err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    const stackStart = StringPrototypeIndexOf(stack, '\n    at', pos);
    if (stackStart === -1) {
      stack = `[${stack}]`;
    } else {
      let newStack = StringPrototypeSlice(stack, 0, stackStart);
      const stackFramePart = StringPrototypeSlice(stack, stackStart + 1);
      const lines = getStackFrames(ctx, err, stackFramePart);
      // Note: Node additionally highlights core / node_modules / cwd frames
      // when colors are enabled; not applicable outside Node.
      newStack += `\n${ArrayPrototypeJoin(lines, '\n')}`;
      stack = newStack;
    }
    if (ctx.indentationLvl !== 0) {
      const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
      stack = StringPrototypeReplaceAll(stack, '\n', `\n${indentation}`);
    }
    return stack;
  }
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let i = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) { outputLength--; }
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      const len = getStringWidth(output[i], ctx.colors);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
      const approxCharHeights = 2.5;
      const averageBias = MathSqrt(actualMax - totalLength / output.length);
      const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      const columns = MathMin(MathRound(MathSqrt(approxCharHeights * biasedMax * outputLength
          ) / biasedMax), MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax), ctx.compact * 4, 15);
      if (columns <= 1) { return output; }
      const tmp = [];
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineMaxLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineMaxLength) lineMaxLength = dataLen[j];
        }
        lineMaxLength += separatorSpace;
        maxLineLength[i] = lineMaxLength;
      }
      let order = StringPrototypePadStart;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
            order = StringPrototypePadEnd;
            break;
          }
        }
      }
      for (let i = 0; i < outputLength; i += columns) {
        const max = MathMin(i + columns, outputLength);
        let str = '';
        let j = i;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
          str += order(`${output[j]}, `, padding, ' ');
        }
        if (order === StringPrototypePadStart) {
          const padding = maxLineLength[j - i] + output[j].length -
                          dataLen[j] -
                          separatorSpace;
          str += StringPrototypePadStart(output[j], padding, ' ');
        } else { str += output[j]; }
        ArrayPrototypePush(tmp, str);
      }
      if (ctx.maxArrayLength < output.length) { ArrayPrototypePush(tmp, output[outputLength]); }
      output = tmp;
    }
    return output;
  }
  function handleMaxCallStackSize(ctx, err, constructorName, indentationLvl) {
    ArrayPrototypePop(ctx.seen);
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(`[${constructorName}: Inspection interrupted ` +
        'prematurely. Maximum call stack size exceeded.]', 'special');
  }
  function addNumericSeparator(integerString) {
    let result = '';
    let i = integerString.length;
    const start = integerString[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) { result = `_${StringPrototypeSlice(integerString, i - 3, i)}${result}`; }
    return i === integerString.length ? integerString : `${StringPrototypeSlice(integerString, 0, i)}${result}`;
  }
  function addNumericSeparatorEnd(integerString) {
    let result = '';
    let i = 0;
    for (; i < integerString.length - 3; i += 3) { result += `${StringPrototypeSlice(integerString, i, i + 3)}_`; }
    return i === 0 ? integerString : `${result}${StringPrototypeSlice(integerString, i)}`;
  }
  const remainingText = (remaining) => `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
  function formatNumber(fn, number, numericSeparator) {
    if (!numericSeparator) {
      if (ObjectIs(number, -0)) { return fn('-0', 'number'); }
      return fn(`${number}`, 'number');
    }
    const numberString = String(number);
    const integer = MathTrunc(number);
    if (integer === number) {
      if (!NumberIsFinite(number) || StringPrototypeIncludes(numberString, 'e')) { return fn(numberString, 'number'); }
      return fn(addNumericSeparator(numberString), 'number');
    }
    if (NumberIsNaN(number)) { return fn(numberString, 'number'); }
    const decimalIndex = StringPrototypeIndexOf(numberString, '.');
    const integerPart = StringPrototypeSlice(numberString, 0, decimalIndex);
    const fractionalPart = StringPrototypeSlice(numberString, decimalIndex + 1);
    return fn(`${
      addNumericSeparator(integerPart)
    }.${
      addNumericSeparatorEnd(fractionalPart)
    }`, 'number');
  }
  function formatBigInt(fn, bigint, numericSeparator) {
    const string = String(bigint);
    if (!numericSeparator) { return fn(`${string}n`, 'bigint'); }
    return fn(`${addNumericSeparator(string)}n`, 'bigint');
  }
  function formatPrimitive(fn, value, ctx) {
    if (typeof value === 'string') {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (ctx.compact !== true && value.length > kMinLineLength &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        return ArrayPrototypeJoin(ArrayPrototypeMap(
            RegExpPrototypeSymbolSplit(/(?<=\n)/, value), (line) => fn(strEscape(line), 'string')
          ), ` +\n${StringPrototypeRepeat(' ', ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
    if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
    if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
    if (typeof value === 'undefined') return fn('undefined', 'undefined');
    return fn(SymbolPrototypeToString(value), 'symbol');
  }
  function formatNamespaceObject(keys, ctx, value, recurseTimes) {
    const output = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      try {
        output[i] = formatProperty(ctx, value, recurseTimes, keys[i], kObjectType);
      } catch (err) {
        if (!(isNativeError(err) && err.name === 'ReferenceError')) throw err;
        const tmp = { [keys[i]]: '' };
        output[i] = formatProperty(ctx, tmp, recurseTimes, keys[i], kObjectType);
        const pos = StringPrototypeLastIndexOf(output[i], ' ');
        output[i] = StringPrototypeSlice(output[i], 0, pos + 1) + ctx.stylize('<uninitialized>', 'special');
      }
    }
    keys.length = 0;
    return output;
  }
  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = ObjectKeys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const tmp = +key;
      if (tmp > 2 ** 32 - 2) { break; }
      if (`${index}` !== key) {
        if (RegExpPrototypeExec(numberRegExp, key) === null) { break; }
        const emptyItems = tmp - index;
        const ending = emptyItems > 1 ? 's' : '';
        const message = `<${emptyItems} empty item${ending}>`;
        ArrayPrototypePush(output, ctx.stylize(message, 'undefined'));
        index = tmp;
        if (output.length === maxLength) { break; }
      }
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        const ending = remaining > 1 ? 's' : '';
        const message = `<${remaining} empty item${ending}>`;
        ArrayPrototypePush(output, ctx.stylize(message, 'undefined'));
      }
    } else if (remaining > 0) { ArrayPrototypePush(output, remainingText(remaining)); }
    return output;
  }
  function hexSlice(buffer, start, end) {
    let out = '';
    for (let i = start; i < end; i++) {
      const b = buffer[i];
      out += (b < 16 ? '0' : '') + NumberPrototypeToString(b, 16);
    }
    return out;
  }
  function formatArrayBuffer(ctx, value) {
    let buffer;
    try {
      buffer = new Uint8Array(value);
    } catch { return [ctx.stylize('(detached)', 'special')]; }
    let str = StringPrototypeTrim(RegExpPrototypeSymbolReplace(/(.{2})/g,
      hexSlice(buffer, 0, MathMin(ctx.maxArrayLength, buffer.length)), '$1 '));
    const remaining = buffer.length - ctx.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
  }
  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
    const remaining = valLen - len;
    const output = [];
    for (let i = 0; i < len; i++) {
      if (!ObjectPrototypeHasOwnProperty(value, i)) {
        return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
      }
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (remaining > 0) { ArrayPrototypePush(output, remainingText(remaining)); }
    return output;
  }
  function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = value.length - maxLength;
    const output = new Array(maxLength);
    const elementFormatter = value.length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
    for (let i = 0; i < maxLength; ++i) { output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator); }
    if (remaining > 0) { output[maxLength] = remainingText(remaining); }
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
        const str = formatValue(ctx, value[key], recurseTimes, true);
        ArrayPrototypePush(output, `[${key}]: ${str}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }
  function formatSet(value, ctx, ignored, recurseTimes) {
    const length = value.size;
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const v of value) {
      if (i >= maxLength) break;
      ArrayPrototypePush(output, formatValue(ctx, v, recurseTimes));
      i++;
    }
    if (remaining > 0) { ArrayPrototypePush(output, remainingText(remaining)); }
    ctx.indentationLvl -= 2;
    return output;
  }
  function formatMap(value, ctx, ignored, recurseTimes) {
    const length = value.size;
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const { 0: k, 1: v } of value) {
      if (i >= maxLength) break;
      ArrayPrototypePush(output, `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
      i++;
    }
    if (remaining > 0) { ArrayPrototypePush(output, remainingText(remaining)); }
    ctx.indentationLvl -= 2;
    return output;
  }
  function formatSetIterInner(ctx, recurseTimes, entries, state) {
    const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
    const maxLength = MathMin(maxArrayLength, entries.length);
    const output = new Array(maxLength);
    ctx.indentationLvl += 2;
    for (let i = 0; i < maxLength; i++) { output[i] = formatValue(ctx, entries[i], recurseTimes); }
    ctx.indentationLvl -= 2;
    if (state === kWeak && !ctx.sorted) { ArrayPrototypeSort(output); }
    const remaining = entries.length - maxLength;
    if (remaining > 0) { ArrayPrototypePush(output, remainingText(remaining)); }
    return output;
  }
  function formatMapIterInner(ctx, recurseTimes, entries, state) {
    const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
    const len = entries.length / 2;
    const remaining = len - maxArrayLength;
    const maxLength = MathMin(maxArrayLength, len);
    const output = new Array(maxLength);
    let i = 0;
    ctx.indentationLvl += 2;
    if (state === kWeak) {
      for (; i < maxLength; i++) {
        const pos = i * 2;
        output[i] =
          `${formatValue(ctx, entries[pos], recurseTimes)} => ${formatValue(ctx, entries[pos + 1], recurseTimes)}`;
      }
      if (!ctx.sorted) ArrayPrototypeSort(output);
    } else {
      for (; i < maxLength; i++) {
        const pos = i * 2;
        const res = [formatValue(ctx, entries[pos], recurseTimes), formatValue(ctx, entries[pos + 1], recurseTimes)];
        output[i] = reduceToSingleString(ctx, res, '', ['[', ']'], kArrayExtrasType, recurseTimes);
      }
    }
    ctx.indentationLvl -= 2;
    if (remaining > 0) { ArrayPrototypePush(output, remainingText(remaining)); }
    return output;
  }
  function formatWeakCollection(ctx) { return [ctx.stylize('<items unknown>', 'special')]; }
  function formatWeakSet(ctx, value, recurseTimes) {
    const entries = previewEntries(value);
    if (!ArrayIsArray(entries)) return formatWeakCollection(ctx);
    return formatSetIterInner(ctx, recurseTimes, entries, kWeak);
  }
  function formatWeakMap(ctx, value, recurseTimes) {
    const entries = previewEntries(value);
    if (!ArrayIsArray(entries)) return formatWeakCollection(ctx);
    return formatMapIterInner(ctx, recurseTimes, entries, kWeak);
  }
  function formatIterator(braces, ctx, value, recurseTimes) {
    const preview = previewEntries(value, true);
    // Without the native helper the entries can not be read without consuming
    // the iterator.
    if (!ArrayIsArray(preview)) return formatWeakCollection(ctx);
    const { 0: entries, 1: isKeyValue } = preview;
    if (isKeyValue) {
      braces[0] = RegExpPrototypeSymbolReplace(/ Iterator] {$/, braces[0], ' Entries] {');
      return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
    }
    return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
  }
  function formatPromise(ctx, value, recurseTimes) {
    let output;
    const details = getPromiseDetails(value);
    if (details === undefined) { return [ctx.stylize('<unknown>', 'special')]; }
    const { 0: state, 1: result } = details;
    if (state === kPending) {
      output = [ctx.stylize('<pending>', 'special')];
    } else {
      ctx.indentationLvl += 2;
      const str = formatValue(ctx, result, recurseTimes);
      ctx.indentationLvl -= 2;
      output = [state === kRejected ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
    }
    return output;
  }
  function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
    let name, str;
    let extra = ' ';
    desc = desc || ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
        extra = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
      }
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      const s = ctx.stylize;
      const sp = 'special';
      if (ctx.getters && (ctx.getters === true || (ctx.getters === 'get' && desc.set === undefined) ||
            (ctx.getters === 'set' && desc.set !== undefined))) {
        try {
          const tmp = FunctionPrototypeCall(desc.get, original);
          ctx.indentationLvl += 2;
          if (tmp === null) {
            str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
          } else if (typeof tmp === 'object') {
            str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
          } else {
            const primitive = formatPrimitive(s, tmp, ctx);
            str = `${s(`[${label}:`, sp)} ${primitive}${s(']', sp)}`;
          }
          ctx.indentationLvl -= 2;
        } catch (err) {
          const message = `<Inspection threw (${err.message})>`;
          str = `${s(`[${label}:`, sp)} ${message}${s(']', sp)}`;
        }
      } else { str = ctx.stylize(`[${label}]`, sp); }
    } else if (desc.set !== undefined) {
      str = ctx.stylize('[Setter]', 'special');
    } else { str = ctx.stylize('undefined', 'undefined'); }
    if (type === kArrayType) { return str; }
    if (typeof key === 'symbol') {
      const tmp = RegExpPrototypeSymbolReplace(strEscapeSequencesReplacer, SymbolPrototypeToString(key), escapeFn);
      name = `[${ctx.stylize(tmp, 'symbol')}]`;
    } else if (key === '__proto__') {
      name = "['__proto__']";
    } else if (desc.enumerable === false) {
      const tmp = RegExpPrototypeSymbolReplace(strEscapeSequencesReplacer, key, escapeFn);
      name = `[${tmp}]`;
    } else if (RegExpPrototypeExec(keyStrRegExp, key) !== null) {
      name = ctx.stylize(key, 'name');
    } else { name = ctx.stylize(strEscape(key), 'string'); }
    return `${name}:${extra}${str}`;
  }
  function removeColors(str) { return RegExpPrototypeSymbolReplace(ansi, str, ''); }
  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      if (ctx.colors) totalLength += removeColors(output[i]).length;
      else totalLength += output[i].length;
      if (totalLength > ctx.breakLength) { return false; }
    }
    return base === '' || !StringPrototypeIncludes(base, '\n');
  }
  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) { output = groupArrayElements(ctx, output, value); }
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joinedOutput = join(output, ', ');
            if (!StringPrototypeIncludes(joinedOutput, '\n')) {
              return `${base ? `${base} ` : ''}${braces[0]} ${joinedOutput}` + ` ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ` +
        `${join(output, `,${indentation}  `)}${indentation}${braces[1]}`;
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ''} ${join(output, ', ')} ` + braces[1];
    }
    const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
    const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
    return `${braces[0]}${ln}${join(output, `,\n${indentation}  `)} ${braces[1]}`;
  }
  function hasBuiltInToString(value) {
    const getFullProxy = false;
    const proxyTarget = getProxyDetails(value, getFullProxy);
    if (proxyTarget !== undefined) {
      if (proxyTarget === null) { return true; }
      value = proxyTarget;
    }
    let hasOwnToString = ObjectPrototypeHasOwnProperty;
    let hasOwnToPrimitive = ObjectPrototypeHasOwnProperty;
    if (typeof value.toString !== 'function') {
      if (typeof value[SymbolToPrimitive] !== 'function') {
        return true;
      } else if (ObjectPrototypeHasOwnProperty(value, SymbolToPrimitive)) { return false; }
      hasOwnToString = returnFalse;
    } else if (ObjectPrototypeHasOwnProperty(value, 'toString')) {
      return false;
    } else if (typeof value[SymbolToPrimitive] !== 'function') {
      hasOwnToPrimitive = returnFalse;
    } else if (ObjectPrototypeHasOwnProperty(value, SymbolToPrimitive)) { return false; }
    let pointer = value;
    do {
      pointer = ObjectGetPrototypeOf(pointer);
    } while (!hasOwnToString(pointer, 'toString') && !hasOwnToPrimitive(pointer, SymbolToPrimitive));
    const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
    return descriptor !== undefined && typeof descriptor.value === 'function' &&
      SetPrototypeHas(builtInObjects, descriptor.value.name);
  }
  function returnFalse() { return false; }
  const firstErrorLine = (error) => StringPrototypeSplit(error.message, '\n', 1)[0];
  let CIRCULAR_ERROR_MESSAGE;
  function tryStringify(arg) {
    try {
      return JSONStringify(arg);
    } catch (err) {
      if (!CIRCULAR_ERROR_MESSAGE) {
        try {
          const a = {};
          a.a = a;
          JSONStringify(a);
        } catch (circularError) { CIRCULAR_ERROR_MESSAGE = firstErrorLine(circularError); }
      }
      if (err.name === 'TypeError' && firstErrorLine(err) === CIRCULAR_ERROR_MESSAGE) { return '[Circular]'; }
      throw err;
    }
  }
  function format(...args) { return formatWithOptionsInternal(undefined, args); }
  function describeReceived(value) {
    if (value === null || value === undefined) return `Received ${value}`;
    if (typeof value === 'function') return `Received function ${value.name}`;
    if (typeof value === 'object') {
      if (value.constructor && 'name' in value.constructor) {
        return `Received an instance of ${value.constructor.name}`;
      }
      return `Received ${inspect(value, { depth: -1 })}`;
    }
    let inspected = inspect(value, { colors: false });
    if (inspected.length > 28) inspected = `${StringPrototypeSlice(inspected, 0, 25)}...`;
    return `Received type ${typeof value} (${inspected})`;
  }
  function formatWithOptions(inspectOptions, ...args) {
    if (inspectOptions === null || typeof inspectOptions !== 'object') {
      const err = new TypeError(
        `The "inspectOptions" argument must be of type object. ${describeReceived(inspectOptions)}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    return formatWithOptionsInternal(inspectOptions, args);
  }
  function formatNumberNoColor(number, options) {
    return formatNumber(stylizeNoColor, number, options?.numericSeparator ?? inspectDefaultOptions.numericSeparator);
  }
  function formatBigIntNoColor(bigint, options) {
    return formatBigInt(stylizeNoColor, bigint, options?.numericSeparator ?? inspectDefaultOptions.numericSeparator);
  }
  function formatWithOptionsInternal(inspectOptions, args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';
    if (typeof first === 'string') {
      if (args.length === 1) { return first; }
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (StringPrototypeCharCodeAt(first, i) === 37) {
          const nextChar = StringPrototypeCharCodeAt(first, ++i);
          if (a + 1 !== args.length) {
            switch (nextChar) {
              case 115: { // 's'
                const tempArg = args[++a];
                if (typeof tempArg === 'number') {
                  tempStr = formatNumberNoColor(tempArg, inspectOptions);
                } else if (typeof tempArg === 'bigint') {
                  tempStr = formatBigIntNoColor(tempArg, inspectOptions);
                } else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) {
                  tempStr = String(tempArg);
                } else {
                  tempStr = inspect(tempArg, { ...inspectOptions, compact: 3, colors: false, depth: 0 });
                }
                break;
              }
              case 106: tempStr = tryStringify(args[++a]); break; // 'j'
              case 100: { // 'd'
                const tempNum = args[++a];
                if (typeof tempNum === 'bigint') tempStr = formatBigIntNoColor(tempNum, inspectOptions);
                else if (typeof tempNum === 'symbol') tempStr = 'NaN';
                else tempStr = formatNumberNoColor(Number(tempNum), inspectOptions);
                break;
              }
              case 79: tempStr = inspect(args[++a], inspectOptions); break; // 'O'
              case 111: // 'o'
                tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
                break;
              case 105: { // 'i'
                const tempInteger = args[++a];
                if (typeof tempInteger === 'bigint') tempStr = formatBigIntNoColor(tempInteger, inspectOptions);
                else if (typeof tempInteger === 'symbol') tempStr = 'NaN';
                else tempStr = formatNumberNoColor(NumberParseInt(tempInteger), inspectOptions);
                break;
              }
              case 102: { // 'f'
                const tempFloat = args[++a];
                if (typeof tempFloat === 'symbol') tempStr = 'NaN';
                else tempStr = formatNumberNoColor(NumberParseFloat(tempFloat), inspectOptions);
                break;
              }
              case 99: a += 1; tempStr = ''; break; // 'c'
              case 37: // '%'
                str += StringPrototypeSlice(first, lastPos, i);
                lastPos = i + 1;
                continue;
              default: continue; // Any other character is not a correct placeholder
            }
            if (lastPos !== i - 1) { str += StringPrototypeSlice(first, lastPos, i - 1); }
            str += tempStr;
            lastPos = i + 1;
          } else if (nextChar === 37) {
            str += StringPrototypeSlice(first, lastPos, i);
            lastPos = i + 1;
          }
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) { str += StringPrototypeSlice(first, lastPos); }
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
      join = ' ';
      a++;
    }
    return str;
  }
  // String width. Node (with ICU) uses East Asian Width W/F (and Emoji
  // Presentation) => 2 columns, Cc/Cf/Mn/Me/Emoji_Modifier => 0 columns.
  // The wide ranges below were generated from Node 20's ICU data: pairs of
  // (start - previous end, length - 1) in base 36.
  const wideRanges = (() => {
    const parts = StringPrototypeSplit('3cw,2n,3i3,1,5q,3,4,0,3,0,ei,1,m,1,r,7,h,b,18,0,b,5,4,0,e,0,9,1,i,1,6,' +
      '1,9,0,6,0,m,0,8,1,2,0,5,0,3,0,8,0,5,1,t,0,10,0,2,0,5,2,2,0,1q,2,p,0,f,' +
      '0,nw,1,1g,0,5,0,mj,p,2,2g,d,5x,r,26,3,2d,3,2u,6,16,2,2l,2,2d,a,1b,2,13,' +
      '9,mkc,4,1i,wq,s,hw,8mb,6sr,6p,lt,9,n,y,2,i,2,3,46,2n,3k,6,m4a,4,c,6,a,' +
      '5p1,16,v,2q,36,6pq,3,2,6,2,1,2,82,g,0,u,2,3,0,f,3,9,az,6bp,2e,a,m,5n2,' +
      '0,5n,0,5b,0,3,9,24,s,e,17,5,8,8,1,f,5,4b,w,d,8,2,1x,2,l,d,16,5,4,d,g,4,' +
      '0,4,1y,2,0,2,56,3,1q,e,3,2,n,j,0,r,1,e,0,2f,2c,1d,1x,7,0,4,2,3,3,4,3,c,' +
      '1,8,8,6c,b,5,0,7w,1a,2,9,2,54,35,c,4,a,4,1k,2,0,5,f,3,b,5,9,zs,1ekd,3,' + '1ekd', ',');
    const out = [];
    let prev = 0;
    for (let i = 0; i < parts.length; i += 2) {
      const start = prev + NumberParseInt(parts[i], 36);
      prev = start + NumberParseInt(parts[i + 1], 36);
      ArrayPrototypePush(out, start, prev);
    }
    return out;
  })();
  function isWideCodePoint(code) {
    let lo = 0;
    let hi = wideRanges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (code < wideRanges[mid * 2]) hi = mid - 1;
      else if (code > wideRanges[mid * 2 + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }
  let zeroWidthRegExp;
  try {
    zeroWidthRegExp = new RegExp('^[\\p{Cc}\\p{Cf}\\p{Me}\\p{Mn}\\p{Emoji_Modifier}]$', 'u');
  } catch { zeroWidthRegExp = undefined; }
  function isZeroWidthCodePoint(code) {
    if (zeroWidthRegExp !== undefined) {
      return code !== 0xAD && RegExpPrototypeExec(zeroWidthRegExp, String.fromCodePoint(code)) !== null;
    }
    return code <= 0x1F || (code >= 0x7F && code <= 0x9F) ||
      (code >= 0x300 && code <= 0x36F) || (code >= 0x200B && code <= 0x200F) ||
      (code >= 0x20D0 && code <= 0x20FF) || (code >= 0xFE00 && code <= 0xFE0F) ||
      (code >= 0xFE20 && code <= 0xFE2F) || (code >= 0xE0100 && code <= 0xE01EF);
  }
  function getStringWidth(str, removeControlChars = true) {
    let width = 0;
    if (removeControlChars) { str = stripVTControlCharacters(str); }
    for (let i = 0; i < str.length; i++) {
      const code = StringPrototypeCharCodeAt(str, i);
      if (code >= 127) {
        let rest = StringPrototypeSlice(str, i);
        try {
          rest = StringPrototypeNormalize(rest, 'NFC');
        } catch { // Continue regardless of error.
        }
        for (let j = 0; j < rest.length; j++) {
          const cp = StringPrototypeCodePointAt(rest, j);
          if (cp > 0xFFFF) j++;
          if (isWideCodePoint(cp)) {
            width += 2;
          } else if (!isZeroWidthCodePoint(cp)) { width++; }
        }
        break;
      }
      width += code >= 32 ? 1 : 0;
    }
    return width;
  }
  function stripVTControlCharacters(str) {
    if (typeof str !== 'string') { throw new TypeError('The "str" argument must be of type string.'); }
    return RegExpPrototypeSymbolReplace(ansi, str, '');
  }
  // util.inspect as scripts see it (bootstrap's wrapper, which loads this
  // module on first use): what a custom inspect function gets, as in Node.
  let publicInspect = inspect;
  function setPublicInspect(fn) { publicInspect = fn; }
  return {
    inspect, format, formatWithOptions, getStringWidth,
    stripVTControlCharacters, identicalSequenceRange, inspectDefaultOptions, setPublicInspect };
})
