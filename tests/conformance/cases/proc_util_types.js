// util.types predicates and util.isDeepStrictEqual on cloned values.
const util = require('util');
const t = util.types;

const v = {
  date: new Date(), re: /x/, map: new Map(), set: new Set(), ab: new ArrayBuffer(1), sab: new SharedArrayBuffer(1),
  u8: new Uint8Array(1), dv: new DataView(new ArrayBuffer(1)), promise: Promise.resolve(), boxed: new Number(1),
  err: new Error('e'), proxy: new Proxy({}, {}), asyncFn: async () => {}, gen: (function* () {})(),
};
console.log(t.isDate(v.date), t.isRegExp(v.re), t.isMap(v.map), t.isSet(v.set));
console.log(t.isArrayBuffer(v.ab), t.isSharedArrayBuffer(v.sab), t.isAnyArrayBuffer(v.sab), t.isArrayBuffer(v.sab));
console.log(t.isTypedArray(v.u8), t.isUint8Array(v.u8), t.isDataView(v.dv), t.isArrayBufferView(v.dv));
console.log(t.isPromise(v.promise), t.isBoxedPrimitive(v.boxed), t.isNumberObject(v.boxed), t.isNativeError(v.err));
console.log(t.isProxy(v.proxy), t.isAsyncFunction(v.asyncFn), t.isGeneratorObject(v.gen));
const c = structuredClone({ date: v.date, re: v.re, map: new Map([[1, { a: 2 }]]), u8: new Uint8Array([1, 2]) });
console.log(t.isDate(c.date), t.isRegExp(c.re), t.isMap(c.map), t.isUint8Array(c.u8));
console.log(util.isDeepStrictEqual(c.map, new Map([[1, { a: 2 }]])), util.isDeepStrictEqual(c.u8, new Uint8Array([1, 3])));
console.log(util.isDeepStrictEqual(structuredClone([1, , 3]), [1, , 3]), util.isDeepStrictEqual(structuredClone([1, , 3]), [1, undefined, 3]));
