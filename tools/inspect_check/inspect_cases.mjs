// Case list for inspect_check.mjs. Each value case is { name, make, opts, tags }:
// `make` builds the value once (it is shared by both implementations), `opts`
// are inspect options (undefined: the case is also run nested, through
// util.format and %o/%s). Cases tagged 'natives' need the native helpers
// (promise state, proxy details, entry previews) and are allowed to differ
// when run with an empty binding. Format cases return util.format arguments.
// apiChecks run a function against each API object ({ inspect, format, ... }).
import util from 'node:util';
import vm from 'node:vm';

export const values = [];
export const formats = [];
export const apiChecks = [];
const V = (name, make, opts, tags = '') => values.push({ name, make, opts, tags });
const F = (name, make, tags = '') => formats.push({ name, make, tags });
const A = (name, fn, tags = '') => apiChecks.push({ name, fn, tags });
// One value under several option sets.
const M = (name, make, optsList, tags = '') => {
  for (const opts of optsList) V(`${name} ${optsLabel(opts)}`, make, opts, tags);
};
function optsLabel(opts) {
  return JSON.stringify(opts, (k, v) => (typeof v === 'function' ? `fn:${v.name}` : v === Infinity ? 'Inf' : v));
}
const custom = Symbol.for('nodejs.util.inspect.custom');

// ===========================================================================
// Cases inherited from runtime/js/inspect_check.mjs
// ===========================================================================
V('int', () => 1);
V('negative', () => -1);
V('zero', () => 0);
V('negzero', () => -0);
V('float', () => 1.5);
V('NaN', () => NaN);
V('Infinity', () => Infinity);
V('-Infinity', () => -Infinity);
V('1e21', () => 1e21);
V('5e-7', () => 5e-7);
V('max safe', () => Number.MAX_SAFE_INTEGER);
V('bigint', () => 1n);
V('neg bigint', () => -123456789012345678901234567890n);
V('true', () => true);
V('false', () => false);
V('undefined', () => undefined);
V('null', () => null);
V('symbol', () => Symbol());
V('symbol desc', () => Symbol('foo'));
V('symbol iterator', () => Symbol.iterator);
V('symbol for', () => Symbol.for('x'));
V('symbol newline', () => Symbol('a\nb'));
// Strings
V('empty string', () => '');
V('string', () => 'abc');
V('string single quote', () => "it's");
V('string both quotes', () => 'say "hi" it\'s');
V('string all quotes', () => 'it\'s "q" `b`');
V('string all quotes+${', () => 'it\'s "q" ${x}');
V('string newline', () => 'a\nb');
V('string control', () => '\x00\x01\x7f\x9f\x1b[31m');
V('string tab', () => 'tab\there\r\n');
V('string backslash', () => 'back\\slash');
V('lone high surrogate', () => 'lone \ud800 surrogate');
V('lone low surrogate', () => '\udc00x');
V('emoji', () => '😀 ok');
V('unicode', () => 'üñí©ødé 日本語');
V('long string', () => 'x'.repeat(100));
V('long multiline', () => 'line one is here\nline two is also here\nline three is the last line, it is long enough to wrap\n');
V('long escaped', () => `${'ab\'c"d`e\n'.repeat(20)}\u0001`);
V('long escaped 2', () => `${'ab\n\t\\'.repeat(40)}\ud800`);
V('huge string', () => 'y'.repeat(10005));
V('maxStringLength', () => 'abcdefghij', { maxStringLength: 4 });
// Functions
V('named function', () => function foo() {});
V('arrow', () => () => {});
V('anonymous fn', () => [function () {}][0]);
V('async fn', () => async function af() {});
V('async arrow', () => async () => {});
V('generator', () => function* gen() {});
V('async generator', () => async function* agen() {});
V('class', () => class A {});
V('class extends', () => { class A {} return class B extends A {}; });
V('anonymous class', () => [class {}][0]);
V('class extends null', () => class N extends null {});
V('class with static', () => class S { static x = 1; });
V('fn with props', () => Object.assign(function f() {}, { a: 1, b: 'two' }));
V('bound fn', () => function bf() {}.bind(null));
V('builtin fn', () => Math.max);
V('fn null proto', () => { const f = function np() {}; Object.setPrototypeOf(f, null); return f; });
V('fn renamed', () => { const f = function orig() {}; Object.defineProperty(f, 'name', { value: 'renamed' }); return f; });
V('fn empty name', () => { const f = function orig() {}; Object.defineProperty(f, 'name', { value: '' }); return f; });
V('fn tag', () => { const f = function tagged() {}; f[Symbol.toStringTag] = 'T'; return f; });
V('fn hidden tag', () => { const f = function tagged() {}; Object.defineProperty(f, Symbol.toStringTag, { value: 'T' }); return f; });
V('method', () => ({ m() {} }).m);
V('getter fn', () => Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get);
V('class method comment', () => class /* c */ C { /* { */ });
V('fn showHidden', () => function sh(a, b) {}, { showHidden: true });
V('class showHidden', () => class SH { m() {} }, { showHidden: true });
// Arrays
V('empty array', () => []);
V('array', () => [1, 2, 3]);
V('sparse', () => [1, , 3]); // eslint-disable-line no-sparse-arrays
V('holes', () => new Array(5));
V('holes mixed', () => [, , 1, , , ]); // eslint-disable-line no-sparse-arrays
V('one hole', () => { const a = [1, 2]; a.length = 3; return a; });
V('array 120', () => Array.from({ length: 120 }, (_, i) => i));
V('array 200 zeros', () => new Array(200).fill(0));
V('array extra props', () => Object.assign([1, 2], { foo: 'bar', '-1': 5 }));
V('array of strings 7', () => ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape']);
V('array letters 26', () => 'abcdefghijklmnopqrstuvwxyz'.split(''));
V('array mixed lengths', () => [1, 22, 333, 4444, 55555, 666666, 7777777, 88888888, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
V('array floats', () => Array.from({ length: 30 }, (_, i) => i * 1.25 - 10));
V('array bigints', () => Array.from({ length: 10 }, (_, i) => BigInt(i) ** 10n));
V('array of objects', () => Array.from({ length: 8 }, (_, i) => ({ id: i, name: `item${i}` })));
V('array of arrays', () => [[1, 2, [3, 4, [5, [6]]]], [7, 8]]);
V('array nested depth', () => [[[[[1]]]]]);
V('array long strings', () => Array.from({ length: 8 }, (_, i) => 'word'.repeat(i + 1)));
V('array 7 mixed types', () => [1, 'a', null, undefined, true, 2n, Symbol('s')]);
V('array subclass', () => { class MyArr extends Array {} return MyArr.from([1, 2, 3]); });
V('array null proto', () => Object.setPrototypeOf([1, 2], null));
V('array tag', () => { const a = [1]; Object.defineProperty(a, Symbol.toStringTag, { value: 'Tg' }); return a; });
V('array sparse big', () => { const a = []; a[150] = 1; a[3] = 2; return a; });
V('array 101 holes', () => { const a = new Array(300); for (let i = 0; i < 300; i += 2) a[i] = i; return a; });
V('array maxArrayLength', () => [1, 2, 3, 4, 5], { maxArrayLength: 2 });
V('array maxArrayLength 0', () => [1, 2, 3], { maxArrayLength: 0 });
V('array showHidden', () => [1, 2], { showHidden: true });
V('array of unicode strings', () => ['日本', '中文字符', 'ab', '😀😀', 'é', 'xyz', 'hello', '한국어']);
// Objects
V('empty object', () => ({}));
V('object', () => ({ a: 1, b: 'two', c: [3] }));
V('nested object', () => ({ a: { b: { c: { d: 1 } } } }));
V('nested array in obj', () => ({ a: [[[1, 2]]], b: { c: [{}] } }));
V('quoted keys', () => ({ 'a-b': 1, 'c d': 2, 1: 3, _ok: 4, $x: 5, "it's": 6, 'new\nline': 7, '': 8 }));
V('__proto__ key', () => JSON.parse('{"__proto__": 1, "a": 2}'));
V('many keys', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i])));
V('long values', () => ({ description: 'a'.repeat(60), other: 'b'.repeat(30), n: 1 }));
V('wide object', () => ({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', eps: 1 }));
V('object 4 levels compact', () => ({ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } } }));
V('object mixed nesting', () => ({ first: [1, 2, 3], second: { inner: [1, 2, 3] }, third: 'x' }));
V('null proto', () => Object.create(null));
V('null proto props', () => Object.assign(Object.create(null), { a: 1 }));
V('proto of null proto', () => Object.create(Object.create(null)));
V('class instance', () => { class Foo { constructor() { this.a = 1; } } return new Foo(); });
V('empty class instance', () => { class Bar {} return new Bar(); });
V('subclass instance', () => { class A { constructor() { this.x = 1; } } class B extends A {} return new B(); });
V('anon class instance', () => new ([class {}][0])());
V('symbol keys', () => ({ [Symbol('s')]: 1, [Symbol.iterator]: 2, a: 3 }));
V('non-enumerable', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }));
V('non-enumerable showHidden', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }), { showHidden: true });
V('getters', () => ({ get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} }));
V('getters option', () => ({ get g() { return 1; }, get o() { return { x: 1 }; }, get n() { return null; }, get t() { throw new Error('nope'); }, set s(v) {} }), { getters: true });
V('getters get', () => ({ get g() { return 'x'; }, get gs() { return 2; }, set gs(v) {} }), { getters: 'get' });
V('own toStringTag', () => ({ [Symbol.toStringTag]: 'X', a: 1 }));
V('hidden toStringTag', () => Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: 'Hidden' }));
V('class toStringTag', () => { class Tagged { get [Symbol.toStringTag]() { return 'TG'; } } return new Tagged(); });
V('class toStringTag same', () => { class Same { get [Symbol.toStringTag]() { return 'Same'; } } return new Same(); });
V('null proto tag', () => Object.defineProperty(Object.create(null), Symbol.toStringTag, { value: 'NP' }));
V('circular', () => { const a = { name: 'a' }; a.self = a; return a; });
V('circular multi', () => { const a = { x: 1 }; const b = { a }; a.b = b; b.b = b; const c = [a, b]; c.push(c); return c; });
V('circular array', () => { const a = [1]; a.push(a); return a; });
V('circular map', () => { const m = new Map(); m.set('self', m); return m; });
V('two circular', () => { const a = {}; const b = {}; a.b = b; b.a = a; return { a, b }; });
V('ctor tampered', () => { const o = { a: 1 }; o.constructor = 'nope'; return o; });
V('proto ctor changed', () => { function P() {} P.prototype.constructor = undefined; return new P(); });
V('depth 0', () => ({ a: { b: 1 }, c: [1] }), { depth: 0 });
V('depth Infinity', () => ({ a: { b: { c: { d: { e: { f: 1 } } } } } }), { depth: Infinity });
V('depth null', () => ({ a: { b: { c: { d: { e: 1 } } } } }), { depth: null });
V('depth limit array', () => ({ a: { b: { c: [1] } } }));
V('depth limit map', () => ({ a: { b: { c: new Map([[1, 2]]), d: new Set([1]), e: [], f: {} } } }));
V('depth limit class', () => { class K { constructor() { this.v = 1; } } return { a: { b: { c: new K(), d: Object.create(null) } } }; });
V('compact false', () => ({ a: 1, b: [1, 2], c: { d: 'x' } }), { compact: false });
V('compact true', () => ({ a: 1, b: [1, 2], c: { d: 'x'.repeat(90) } }), { compact: true });
V('compact 1', () => ({ a: { b: { c: 1 } } }), { compact: 1 });
V('breakLength Infinity', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i])), { breakLength: Infinity });
V('breakLength 20', () => ({ a: 'xxxx', b: 'yyyy', c: 'zzzz' }), { breakLength: 20 });
V('sorted', () => ({ c: 1, a: 2, b: 3 }), { sorted: true });
V('sorted array keys', () => Object.assign([3, 2, 1], { z: 1, y: 2 }), { sorted: true });
V('numericSeparator', () => [1234567, 1234.5678, -98765432, 123456789n, 0.0001234], { numericSeparator: true });
V('arguments', function () { return (function () { return arguments; })(1, 'a'); });
V('empty arguments', function () { return (function () { return arguments; })(); });
// Map / Set
V('empty map', () => new Map());
V('map', () => new Map([['a', 1], ['b', { c: 2 }]]));
V('map object keys', () => new Map([[{ k: 1 }, [1, 2]], [null, undefined]]));
V('nested map', () => new Map([['m', new Map([['x', new Map([['y', 1]])]])]]));
V('big map', () => new Map(Array.from({ length: 120 }, (_, i) => [i, `v${i}`])));
V('map extra props', () => Object.assign(new Map([[1, 2]]), { extra: true }));
V('map subclass', () => { class MyMap extends Map {} return new MyMap([[1, 2]]); });
V('map null proto', () => Object.setPrototypeOf(new Map([[1, 2]]), null));
V('empty set', () => new Set());
V('set', () => new Set([1, 'two', { three: 3 }]));
V('set many', () => new Set(Array.from({ length: 30 }, (_, i) => i)));
V('set subclass', () => { class MySet extends Set {} return new MySet([1]); });
V('set null proto', () => Object.setPrototypeOf(new Set([1]), null));
V('map keys iterator', () => new Map([['a', 1], ['b', 2]]).keys(), undefined, 'natives');
V('map entries iterator', () => new Map([['a', 1], ['b', 2]]).entries(), undefined, 'natives');
V('set values iterator', () => new Set([1, 2]).values(), undefined, 'natives');
V('set entries iterator', () => new Set([1, 2]).entries(), undefined, 'natives');
V('partially consumed iter', () => { const it = new Map([[1, 2], [3, 4]])[Symbol.iterator](); it.next(); return it; }, undefined, 'natives');
V('empty map iterator', () => new Map().values(), undefined, 'natives');
V('weakmap', () => new WeakMap(), undefined, 'natives');
V('weakset', () => new WeakSet(), undefined, 'natives');
V('weakmap showHidden', () => { const k = {}; globalThis.__keepK = k; return new WeakMap([[k, 1]]); }, { showHidden: true }, 'natives');
V('weakset showHidden', () => { const k = { z: 1 }; globalThis.__keepK2 = k; return new WeakSet([k]); }, { showHidden: true }, 'natives');
V('map showHidden', () => new Map([[1, { a: 1 }]]), { showHidden: true });
// Typed arrays and buffers
V('Uint8Array', () => new Uint8Array([1, 2, 3]));
V('Float64Array', () => new Float64Array([1.5, -0, NaN]));
V('BigInt64Array', () => new BigInt64Array([1n, -2n]));
V('empty Int8Array', () => new Int8Array(0));
V('Uint8Array 200', () => new Uint8Array(200));
V('Uint16Array grouping', () => Uint16Array.from({ length: 40 }, (_, i) => i * 997));
V('typed array props', () => Object.assign(new Uint8Array(2), { foo: 1 }));
V('typed array showHidden', () => new Uint8Array([5, 6]), { showHidden: true });
V('typed array subclass', () => { class MyU8 extends Uint8Array {} return new MyU8(2); });
V('typed array null proto', () => Object.setPrototypeOf(new Int16Array([1, 2]), null));
V('subarray', () => new Uint8Array([1, 2, 3, 4]).subarray(1, 3));
V('ArrayBuffer', () => new Uint8Array([1, 2]).buffer);
V('ArrayBuffer empty', () => new ArrayBuffer(0));
V('ArrayBuffer 200', () => new ArrayBuffer(200));
V('ArrayBuffer props', () => Object.assign(new ArrayBuffer(3), { x: 1 }));
V('detached ArrayBuffer', () => { const ab = new ArrayBuffer(8); structuredClone(ab, { transfer: [ab] }); return ab; });
V('SharedArrayBuffer', () => { const s = new SharedArrayBuffer(4); new Uint8Array(s)[0] = 255; return s; });
V('DataView', () => new DataView(new ArrayBuffer(4), 1, 2));
V('ArrayBuffer maxArrayLength', () => new ArrayBuffer(10), { maxArrayLength: 3 });
// Dates and regexps
V('date', () => new Date(0));
V('date ms', () => new Date(Date.UTC(2024, 1, 29, 12, 34, 56, 789)));
V('invalid date', () => new Date(NaN));
V('date props', () => Object.assign(new Date(86400000), { foo: 'bar' }));
V('date subclass', () => { class MyDate extends Date {} return new MyDate(0); });
V('date null proto', () => Object.setPrototypeOf(new Date(0), null));
V('regexp', () => /abc/gi);
V('regexp slash', () => new RegExp('a/b\\d+', 'msuy'));
V('regexp props', () => Object.assign(/x/, { extra: 1 }));
V('regexp subclass', () => { class MyRe extends RegExp {} return new MyRe('q'); });
V('regexp null proto', () => Object.setPrototypeOf(/np/g, null));
V('deep regexp props', () => ({ a: { b: { c: Object.assign(/x/, { y: 1 }) } } }));
// Errors
V('error', () => new Error('boom'));
V('type error', () => new TypeError('bad type'));
V('range error', () => new RangeError('out of range'));
V('error empty message', () => new Error());
V('error props', () => Object.assign(new Error('with props'), { code: 'E_CODE', errno: 42 }));
V('error cause', () => new Error('outer', { cause: new Error('inner') }));
V('error cause primitive', () => new Error('outer', { cause: 'just a string' }));
V('error cause undefined', () => new Error('outer', { cause: undefined }));
V('error name changed', () => { const e = new Error('renamed'); e.name = 'CustomName'; return e; });
V('error name changed Error suffix', () => { const e = new TypeError('x'); e.name = 'FooError'; return e; });
V('error message changed', () => { const e = new Error('original'); e.message = 'changed'; return e; });
V('error no stack', () => { const e = new Error('nostack'); delete e.stack; e.stack = undefined; return e; });
V('error stack custom', () => { const e = new Error('m'); e.stack = 'custom stack text'; return e; });
V('error stack not string', () => { const e = new Error('m'); e.stack = 42; return e; });
V('error nested', () => ({ err: new Error('nested'), other: 1 }));
V('error in array', () => [new Error('a'), new RangeError('b')]);
V('error deep nested', () => ({ level1: { level2: { e: new SyntaxError('deep') } } }));
V('aggregate error', () => new AggregateError([new Error('e1'), new Error('e2')], 'many'));
V('error subclass', () => { class MyError extends Error {} return new MyError('sub'); });
V('error subclass named', () => { class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } return new MyError('sub2'); });
V('error subclass name proto', () => { class ValidationError extends Error {} ValidationError.prototype.name = 'ValidationError'; return new ValidationError('invalid'); });
V('error null proto', () => Object.setPrototypeOf(new Error('np'), null));
V('error tag', () => { const e = new Error('tagged'); Object.defineProperty(e, Symbol.toStringTag, { value: 'Tagz' }); return e; });
V('error multiline message', () => new Error('line1\nline2'));
V('error showHidden', () => new Error('hidden'), { showHidden: true });
V('error name own enumerable', () => { const e = new Error('x'); e.name = 'Error'; return e; });
V('error message own prop', () => Object.assign(new Error('msg'), { message: 'msg' }));
V('error circular cause', () => { const e = new Error('circ'); e.cause = e; return e; });
V('fake error', () => Object.create(Error.prototype));
V('error with depth limit', () => ({ a: { b: { c: Object.assign(new Error('d'), { x: 1 }) } } }));
// Boxed primitives
V('boxed number', () => new Number(3));
V('boxed -0', () => new Number(-0));
V('boxed string', () => new String('ab'));
V('boxed string props', () => Object.assign(new String('ab'), { x: 1 }));
V('boxed boolean', () => new Boolean(false));
V('boxed bigint', () => Object(1n));
V('boxed symbol', () => Object(Symbol('s')));
V('boxed number subclass', () => { class N extends Number {} return new N(5); });
V('boxed null proto', () => Object.setPrototypeOf(new Number(7), null));
// Promises
V('promise resolved', () => Promise.resolve(1), undefined, 'natives');
V('promise pending', () => new Promise(() => {}), undefined, 'natives');
V('promise rejected', () => { const p = Promise.reject(new Error('rej')); p.catch(() => {}); return p; }, undefined, 'natives');
V('promise rejected primitive', () => { const p = Promise.reject(3); p.catch(() => {}); return p; }, undefined, 'natives');
V('promise object', () => Promise.resolve({ a: [1, 2] }), undefined, 'natives');
V('promise props', () => Object.assign(Promise.resolve(2), { tag: 'x' }), undefined, 'natives');
V('nested promise', () => ({ p: Promise.resolve(Promise.resolve(3)) }), undefined, 'natives');
V('promise subclass', () => { class MyP extends Promise {} return MyP.resolve(4); }, undefined, 'natives');
// Proxies
V('proxy object', () => new Proxy({ a: 1 }, {}), undefined, 'natives');
V('proxy array', () => new Proxy([1, 2], {}), undefined, 'natives');
V('proxy showProxy', () => new Proxy({ a: 1 }, { get() { return 5; } }), { showProxy: true }, 'natives');
V('proxy traps not triggered', () => new Proxy({ real: 1 }, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } }), undefined, 'natives');
V('revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }, undefined, 'natives');
V('proxy function', () => new Proxy(function pf() {}, {}), undefined, 'natives');
V('proxy nested', () => ({ p: new Proxy(new Map([[1, 2]]), {}) }), undefined, 'natives');
V('proxy of proxy showProxy', () => new Proxy(new Proxy({}, {}), {}), { showProxy: true }, 'natives hostile-skip');
// Custom inspect
V('custom string', () => ({ [custom]() { return 'CUSTOM'; } }));
V('custom object', () => ({ [custom]() { return { replaced: true }; } }));
V('custom depth/options', () => ({ inner: { [custom](depth, options, insp) { return `d=${depth} c=${options.compact} b=${options.breakLength} ${typeof options.stylize} ${insp(['x'])}`; } } }));
V('custom multiline nested', () => ({ a: { [custom]() { return 'line1\nline2'; } } }));
V('custom returns this', () => { const o = { v: 1, [custom]() { return this; } }; return o; });
V('custom on class', () => { class C { [custom]() { return 'C!'; } } return [new C(), new C()]; });
V('custom disabled', () => ({ a: 1, [custom]() { return 'no'; } }), { customInspect: false });
V('custom uses inspect', () => ({ [custom](d, o, insp) { return insp({ x: 1, y: [1, 2] }, o); } }));
V('custom null proto', () => Object.assign(Object.create(null), { [custom](d, o) { return `np ${Object.getPrototypeOf(o)}`; } }));
V('custom user option', () => ({ [custom](d, o) { return `user=${o.userOpt}`; } }), { userOpt: 'yes' });
V('custom returns number', () => ({ [custom]() { return 42; } }));
// Misc
V('globalThis-like', () => ({ Math, JSON }), undefined, 'hostile-skip');
V('object with functions', () => ({ fn() {}, arrow: () => 1, cls: class X {} }));
V('mixed everything', () => ({
  str: 'hello', num: 42, big: 10n, bool: true, nul: null, und: undefined, sym: Symbol('q'),
  arr: [1, 'two', [3]], map: new Map([['k', 'v']]), set: new Set([1]), date: new Date(0), re: /r/,
  fn: function named() {}, err: new Error('inside'), ta: new Uint8Array(2),
}));
V('showHidden object', () => ({ a: [1, { b: 2 }], m: new Map([[1, 2]]) }), { showHidden: true });
V('class instance proto props showHidden', () => { class Q { get g() { return 1; } } Q.prototype.val = 5; return new Q(); }, { showHidden: true });
V('bigger nesting break', () => ({ users: [{ name: 'Alice', age: 30, tags: ['a', 'b'] }, { name: 'Bob', age: 25, tags: [] }], total: 2 }));
V('json-like', () => JSON.parse('{"data":{"items":[{"id":1,"v":"x"},{"id":2,"v":"y"}],"count":2},"ok":true}'));
V('array 7 short objects', () => [{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }, { e: 5 }, { f: 6 }, { g: 7 }]);
V('string in nested long', () => ({ a: { b: 'a fairly long string value that will make this object exceed the break length' } }));
V('array with 6 items', () => [1, 2, 3, 4, 5, 6]);
V('array 27 long strings', () => Array.from({ length: 27 }, (_, i) => `str-${'x'.repeat(i % 7)}`));
V('colors', () => ({ a: 1, b: 'x', c: null, d: undefined, e: [1n], f: Symbol('c'), g: new Date(0), h: /re/, i() {}, j: true }), { colors: true });
V('colors array grouping', () => Array.from({ length: 20 }, (_, i) => (i % 2 ? i : `s${i}`)), { colors: true });
V('colors error no stack', () => { const e = new Error('colored'); e.stack = 'Error: colored'; return { e }; }, { colors: true });

V('all low chars', () => Array.from({ length: 0xa2 }, (_, i) => String.fromCharCode(i)).join(''));
V('all low chars quoted', () => `'"${Array.from({ length: 0xa2 }, (_, i) => String.fromCharCode(i)).join('')}`);
V('numeric-like keys', () => ({ '01': 1, 1.5: 2, '-1': 3, 10: 4, 2: 5, '1e3': 6 }));
V('neg zero array', () => [-0, 0, -0]);
V('symbol map keys', () => new Map([[Symbol('k'), Symbol('v')]]));
V('date subclass tag', () => { class TD extends Date { get [Symbol.toStringTag]() { return 'TD'; } } return new TD(0); });
V('map subclass tag', () => { class TM extends Map { get [Symbol.toStringTag]() { return 'TM'; } } return new TM([[1, 2]]); });
V('error cause chain', () => { const inner = new Error('inner'); return new Error('outer', { cause: new Error('mid', { cause: inner }) }); });
V('error message w/ at', () => new Error('looks like\n    at a stack frame'));
V('error no message prop', () => { const e = new Error('gone'); delete e.message; return e; });
V('error name undefined', () => { const e = new Error('x'); e.name = undefined; return e; });
V('range error from V8', () => { try { new Array(-1); } catch (e) { return e; } });
V('reference error from V8', () => { try { undefinedVariable; } catch (e) { return e; } }); // eslint-disable-line no-undef
V('object with error values list', () => ({ errors: [new Error('a')], count: 1 }));
V('class static members', () => class WithStatic { static a = 1; static b = { c: [1, 2] }; });
V('function returning', () => Object.assign(() => {}, { displayName: 'x' }));
V('nested empty', () => ({ a: {}, b: [], c: new Map(), d: new Set(), e: '' }));
V('array with undefined/null', () => [undefined, null, undefined]);
V('long array of short strings', () => Array.from({ length: 150 }, (_, i) => `s${i}`));
V('array of 7 arrays', () => Array.from({ length: 7 }, (_, i) => [i, i + 1]));
V('object 26 keys single letters', () => Object.fromEntries('abcdefghijklmnopqrstuvwxyz'.split('').map((c, i) => [c, i])));
V('proto with getter', () => { class G { constructor() { this.x = 1; } get y() { return 2; } } return new G(); });
V('object keys with unicode', () => ({ 'ключ': 1, '日本': 2, é: 3 }));
V('multiline string in array', () => ['first line\nsecond line that is long enough to split the output for sure, really', 'x']);

// Format cases (util.format / console.log argument formatting)
F('%s string', () => ['%s', 'a']);
F('%s number', () => ['%s', 1.5]);
F('%s -0', () => ['%s', -0]);
F('%s bigint', () => ['%s', 1n]);
F('%s object', () => ['%s', { a: { b: { c: 1 } } }]);
F('%s array', () => ['%s', [1, [2, [3]]]]);
F('%s toString', () => ['%s', { toString() { return 'custom toString'; } }]);
F('%s class toString', () => { class T { toString() { return 'T!'; } } return ['%s', new T()]; });
F('%s symbol', () => ['%s', Symbol('x')]);
F('%s null undefined', () => ['%s %s', null, undefined]);
F('%s error', () => ['%s', new Error('e')]);
F('%s date', () => ['%s', new Date(0)]);
F('%s function', () => ['%s', function f() {}]);
F('%s null proto', () => ['%s', Object.create(null)]);
F('%s map', () => ['%s', new Map([[1, 2]])]);
F('%d string', () => ['%d', '42']);
F('%d float', () => ['%d', 1.5]);
F('%d object', () => ['%d', {}]);
F('%d bigint', () => ['%d', 1n]);
F('%d symbol', () => ['%d', Symbol('s')]);
F('%d -0', () => ['%d', -0]);
F('%i', () => ['%i', 42.9]);
F('%i hex', () => ['%i', '0x10']);
F('%i bigint', () => ['%i', 5n]);
F('%f', () => ['%f', '1.5e3']);
F('%f garbage', () => ['%f', 'abc']);
F('%j', () => ['%j', { a: 1, b: [1, 2] }]);
F('%j circular', () => { const o = {}; o.o = o; return ['%j', o]; });
F('%j undefined', () => ['%j', undefined]);
F('%o', () => ['%o', { a: [1, 2], f() {} }]);
F('%o function', () => ['%o', function foo(a) {}]);
F('%o nested', () => ['%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }]);
F('%O', () => ['%O', { a: 1, b: { c: { d: { e: 1 } } } }]);
F('%c', () => ['%cstyled', 'color: red']);
F('%%', () => ['%%']);
F('%% alone arg', () => ['%%', 'x']);
F('%% and %s', () => ['100%% %s', 'x']);
F('%s missing', () => ['%s']);
F('%s missing 2', () => ['%s:%s', 'a']);
F('unknown %x', () => ['%x %s', 1]);
F('trailing %', () => ['100%', 1]);
F('plain args', () => ['a', 'b', 1, { c: 1 }]);
F('non-string first', () => [1, 2, 'x']);
F('object first', () => [{ a: 1 }, 'str', [1]]);
F('extra args', () => ['%s', 'a', 'b', { c: 2 }]);
F('no args', () => []);
F('single string', () => ['just %s']);
F('single object', () => [{ x: 'y' }]);
F('string with escapes top', () => ["it's\n\"raw\""]);
F('multiple specifiers', () => ['%s is %d years and %i, %f, %j', 'Bob', 42, 42.5, '3.5', { a: 1 }]);
F('console.log mix', () => ['Value:', 42, 'str', null, undefined, [1, 2], new Map()]);
F('console.log errors', () => ['Error:', new Error('log me')]);
F('percent at end', () => ['%s%', 'a']);
F('%s with nested array depth', () => ['%s', { a: [{ b: 1 }] }]);
F('%s with long', () => ['%s', { a: 'x'.repeat(100) }]);

// ---------------------------------------------------------------------------

// ===========================================================================
// Extended cases
// ===========================================================================

// --- strings and primitives --------------------------------------------------
V('string quotes only double', () => 'say "hi"');
V('string quote + dollar brace only', () => "it's ${x}");
V('string backtick + single', () => "it's `b`");
V('string all three no dollar', () => 'a\'b"c`d');
V('string C1 controls', () => Array.from({ length: 0x22 }, (_, i) => String.fromCharCode(0x7f + i)).join(''));
V('string surrogate pair + lone', () => '😀\ud83d\ud83d\ude00\ude00');
V('string only newline', () => '\n');
V('string trailing newline long', () => `${'a'.repeat(30)}\n${'b'.repeat(60)}\n`);
V('string double newline long', () => `${'a'.repeat(70)}\n\n${'b'.repeat(10)}`);
V('string 16 chars newline', () => 'abcdefghijklmn\no');
V('string 17 chars newline', () => 'abcdefghijklmno\np');
V('string quote per piece', () => `it's a long first line with a quote in it\nand "a second" one that is long too\n`);
M('string split breakLength', () => `${'word '.repeat(8)}\n${'more '.repeat(8)}`, [{ breakLength: 40 }, { breakLength: 60 }, { breakLength: 200 }, { compact: true }, { compact: false }, { breakLength: Infinity }]);
M('maxStringLength', () => 'abcdefghijklmnopqrstuvwxyz', [{ maxStringLength: 0 }, { maxStringLength: 1 }, { maxStringLength: 25 }, { maxStringLength: 26 }, { maxStringLength: null }, { maxStringLength: Infinity }, { maxStringLength: -1 }]);
M('maxStringLength multiline', () => `${'x'.repeat(40)}\n${'y'.repeat(40)}\n${'z'.repeat(40)}`, [{ maxStringLength: 50 }, { maxStringLength: 90 }]);
M('maxStringLength nested', () => ({ s: 'abcdefghij', arr: ['klmnopqrst'], m: new Map([['key long', 'value long']]) }), [{ maxStringLength: 3 }]);
M('maxStringLength boxed', () => new String('abcdefghij'), [{ maxStringLength: 4 }]);
V('symbol quote desc', () => Symbol("it's"));
V('symbol empty desc', () => Symbol(''));
V('symbol keys odd', () => ({ [Symbol("it's")]: 1, [Symbol('a\nb')]: 2, [Symbol()]: 3, [Symbol('')]: 4, [Symbol.for('reg')]: 5, [Symbol.asyncIterator]: 6 }));
V('numbers misc', () => [0, -0, 1e-7, 1e21, -1e-7, 2 ** 53, 0.1 + 0.2, -Infinity, NaN, 5e-324, 1.7976931348623157e308]);
M('numericSeparator everywhere', () => ({ n: 1234567.891, neg: -1234.5, tiny: 1e-7, big: 12345678901234567890n, arr: [1000, 10000, 100000, 1e21], ta: new Float64Array([12345.6789, -0.5]), bi: new BigInt64Array([123456789n]), boxed: new Number(98765.4321), m: new Map([[10000, 20000]]) }), [{ numericSeparator: true }, { numericSeparator: true, colors: true }]);
V('bigints', () => [0n, -1n, 2n ** 64n, -(2n ** 100n)]);
V('booleans and nullish', () => [true, false, null, undefined]);

// --- object keys ---------------------------------------------------------------
V('key shapes', () => ({ $dollar: 1, _under: 2, a1: 3, '1a': 4, 'ü': 5, 'a.b': 6, 'a-b': 7, 'a b': 8, "quote'": 9, 'dq"': 10, '': 11, 'new\nline': 12, 'tab\t': 13, 'back\\slash': 14, 'ctl\x01': 15 }));
V('integer keys order', () => ({ b: 1, 10: 2, 2: 3, a: 4, '-1': 5, 1.5: 6, 4294967295: 7, 4294967294: 8 }));
V('non-enumerable keys showHidden odd names', () => Object.defineProperties({}, { 'a b': { value: 1 }, "it's": { value: 2 }, '\n': { value: 3 }, [Symbol('hid')]: { value: 4 } }), { showHidden: true });
V('__proto__ own and hidden', () => Object.defineProperty(JSON.parse('{"__proto__": {"x": 1}}'), 'h', { value: 1 }), { showHidden: true });

// --- getters --------------------------------------------------------------------
const getterObj = () => {
  return {
    get plain() { return 1; },
    get str() { return 'text'; },
    get obj() { return { deep: { deeper: { deepest: 1 } } }; },
    get arr() { return [1, 2, 3]; },
    get nul() { return null; },
    get undef() { return undefined; },
    get sym() { return Symbol('s'); },
    get big() { return 10n; },
    get fn() { return function f() {}; },
    get throws() { throw new RangeError('getter failed'); },
    get throwsPrimitive() { throw 'raw'; }, // eslint-disable-line no-throw-literal
    get both() { return 'b'; },
    set both(v) {},
    set onlySet(v) {},
  };
};
M('getters', getterObj, [{ getters: true }, { getters: 'get' }, { getters: 'set' }, { getters: false }, { getters: true, colors: true }, { getters: true, compact: false }, { getters: true, depth: 0 }, { getters: true, breakLength: Infinity }]);
V('getter on class proto showHidden getters', () => { class G { constructor() { this.v = 5; } get twice() { return this.v * 2; } } return new G(); }, { showHidden: true, getters: true });
V('getter returning self', () => { const o = { get self() { return o; } }; return o; }, { getters: true });
V('getter long string', () => { const text = `${'x'.repeat(50)}\n${'y'.repeat(50)}`; return { get long() { return text; } }; }, { getters: true });
V('getters in array', () => { const a = [1, 2]; Object.defineProperty(a, 0, { get() { return 9; }, enumerable: true }); Object.defineProperty(a, 'g', { get() { return 1; }, enumerable: true }); return a; }, { getters: true });

// --- arrays: holes, limits, grouping ---------------------------------------------
M('holes with limit', () => { const a = [1, , , 4, , 6, 7, , , , 11]; a.length = 15; return a; }, [{ maxArrayLength: 0 }, { maxArrayLength: 1 }, { maxArrayLength: 2 }, { maxArrayLength: 3 }, { maxArrayLength: 5 }, { maxArrayLength: 7 }, { maxArrayLength: 100 }]); // eslint-disable-line no-sparse-arrays
V('holes leading', () => { const a = []; a[5] = 1; return a; });
V('holes non-enumerable index', () => { const a = [1, , 3]; Object.defineProperty(a, 0, { value: 1, enumerable: false }); return a; }); // eslint-disable-line no-sparse-arrays
V('holes with extra keys', () => Object.assign([, 1, , 2], { x: 1, [Symbol('s')]: 2 })); // eslint-disable-line no-sparse-arrays
V('huge length sparse', () => { const a = []; a[4294967294] = 'last'; a[0] = 'first'; return a; });
V('array length 2**32-1 empty', () => new Array(2 ** 32 - 1));
for (const count of [7, 8, 16, 26, 27, 50, 101, 150]) {
  for (const digits of [1, 2, 3, 5, 8, 13]) {
    V(`grouping ${count}x${digits}`, () => Array.from({ length: count }, (_, i) => Number(String(i % 10).repeat(digits))));
  }
}
for (const count of [7, 10, 25]) {
  for (const breakLength of [30, 50, 120]) {
    for (const compact of [1, 2, 3, 5]) {
      V(`grouping strings ${count} bl${breakLength} c${compact}`, () => Array.from({ length: count }, (_, i) => 'w'.repeat((i * 7) % 11 + 1)), { breakLength, compact });
    }
  }
}
V('grouping negative and floats', () => [-1, 22.5, -333, 4.25, 55555, -6.125, 777, 8, -9.5, 10]);
V('grouping bigints mixed', () => [1n, 22n, 333n, 4444n, 1n, 2n, 3n, 4n]);
V('grouping mixed number/string', () => [1, 2, 3, 4, 5, 6, '7']);
V('grouping wide chars', () => ['日本', '中文', 'ab', '한국어', 'é', 'x', 'ｆｕｌｌ', 'abc', '😀', 'zz']);
V('grouping with nested arrays', () => Array.from({ length: 12 }, (_, i) => [i]));
V('grouping with objects', () => Array.from({ length: 9 }, (_, i) => ({ i })));
V('grouping extra keys', () => Object.assign(Array.from({ length: 10 }, (_, i) => i), { extra: 'x', other: 2 }));
M('grouping over limit', () => Array.from({ length: 30 }, (_, i) => i * 3), [{ maxArrayLength: 10 }, { maxArrayLength: 6 }, { maxArrayLength: 7 }, { maxArrayLength: 29 }]);
V('grouping 101 short strings', () => Array.from({ length: 101 }, (_, i) => String.fromCharCode(97 + (i % 26))));
V('grouping nested in object', () => ({ inner: { list: Array.from({ length: 20 }, (_, i) => i * 11) } }));
V('grouping deep indent', () => [[[[Array.from({ length: 30 }, (_, i) => i)]]]], { depth: 10 });
V('grouping long entries no columns', () => Array.from({ length: 8 }, (_, i) => 'y'.repeat(20 + i)));
V('grouping exactly 6', () => [111111, 2, 3, 4, 5, 6]);
V('array with multi-line entry', () => [1, 2, 3, 4, 5, 6, 7, 'a\nb'.repeat(20)]);
V('array of 7 long objects', () => Array.from({ length: 7 }, (_, i) => ({ name: `entry number ${i}`, value: i * 1000 })));
M('array options', () => [1, 'two', [3, [4, [5, [6]]]], { seven: 7 }], [{ depth: 0 }, { depth: 1 }, { depth: null }, { compact: false }, { compact: true }, { breakLength: 10 }, { colors: true }, { showHidden: true }]);
V('array subclass with tag and props', () => { class Coll extends Array { get [Symbol.toStringTag]() { return 'CollTag'; } } const c = Coll.from([1, 2]); c.meta = true; return c; });
V('array-like object', () => ({ 0: 'a', 1: 'b', length: 2 }));
V('Object.create(Array.prototype)', () => Object.create(Array.prototype));
V('array with proto props showHidden', () => { class A2 extends Array { get total() { return 3; } } A2.prototype.label = 'L'; return A2.from([1]); }, { showHidden: true });

// --- breakLength edges ------------------------------------------------------------
for (let n = 54; n <= 72; n++) {
  V(`edge object ${n}`, () => ({ key: 'x'.repeat(n) }));
  V(`edge two keys ${n}`, () => ({ a: 'x'.repeat(n - 20), bb: 'y'.repeat(10) }));
}
for (let n = 60; n <= 80; n += 2) {
  V(`edge array ${n}`, () => ['x'.repeat(n - 10), 'y'.repeat(4)]);
  V(`edge nested ${n}`, () => ({ outer: { inner: 'x'.repeat(n - 30) } }));
}
for (const bl of [72, 76, 80]) {
  for (let d = -2; d <= 2; d++) {
    const len = bl - 14 + d;
    V(`breakLength ${bl} line ${len + 14}`, () => ({ k: 'v'.repeat(len) }), { breakLength: bl });
    V(`breakLength ${bl} map line ${len}`, () => new Map([['k', 'v'.repeat(len - 6)]]), { breakLength: bl });
  }
}
M('breakLength odd values', () => ({ a: [1, 2, 3], b: { c: 'd' } }), [{ breakLength: 0 }, { breakLength: 1 }, { breakLength: -5 }, { breakLength: 15 }, { breakLength: 28 }, { breakLength: 29 }, { breakLength: 1e9 }]);

// --- compact modes ------------------------------------------------------------------
const nestedSamples = {
  flat: () => ({ a: 1, b: 2, c: 3 }),
  deep4: () => ({ a: { b: { c: { d: { e: 1 } } } } }),
  mixed: () => ({ list: [1, 2, { x: [3, 4] }], map: new Map([['k', { v: [1] }]]), str: 'text', n: null }),
  wide: () => ({ first: 'a'.repeat(30), second: 'b'.repeat(30), third: { inner: 'c'.repeat(30) } }),
  arrays: () => [[1, [2, [3, [4]]]], [5, 6], []],
  lastDeep: () => ({ shallow: 1, deep: { a: { b: { c: 1 } } } }),
  firstDeep: () => ({ deep: { a: { b: { c: 1 } } }, shallow: 1 }),
};
for (const [sname, make] of Object.entries(nestedSamples)) {
  for (const compact of [false, true, 0, 1, 2, 3, 4, 10]) {
    for (const breakLength of [40, 80, Infinity]) {
      V(`compact ${sname} c=${compact} bl=${breakLength}`, make, { compact, breakLength, depth: 6 });
    }
  }
}
V('compact true long values', () => ({ short: 1, long: 'z'.repeat(100), arr: Array.from({ length: 30 }, (_, i) => i), nested: { a: 'q'.repeat(90) } }), { compact: true });
V('compact true function base', () => Object.assign(function withProps() {}, { a: 1, b: 'x'.repeat(80) }), { compact: true });
V('compact true circular', () => { const o = { a: 1 }; o.self = o; return o; }, { compact: true });
V('compact true error', () => { const e = new Error('ce'); e.stack = 'Error: ce'; e.extra = 'x'.repeat(90); return e; }, { compact: true });

// --- sorted --------------------------------------------------------------------------
const reverse = function reverse(a, b) { return a < b ? 1 : a > b ? -1 : 0; };
const sortedSample = () => ({
  zeta: 1, alpha: { c: 3, b: 2, a: 1 }, mid: [3, 1, 2, Object.assign([], { z: 1, y: 2 })],
  map: new Map([['z', 1], ['a', 2], ['m', 3]]), set: new Set(['b', 'c', 'a']), [Symbol('s')]: 0,
});
M('sorted', sortedSample, [{ sorted: true }, { sorted: reverse }, { sorted: true, compact: false }, { sorted: true, colors: true }]);
V('sorted weak', () => { const keys = [{ k: 3 }, { k: 1 }, { k: 2 }]; globalThis.__sortedKeep = keys; return new WeakSet(keys); }, { showHidden: true, sorted: reverse }, 'natives');
V('sorted iterator', () => new Map([['b', 1], ['a', 2]]).entries(), { sorted: true }, 'natives');
V('sorted array extras only', () => Object.assign([3, 2, 1], { b: 1, a: 2, c: 3 }), { sorted: reverse });

// --- depth -------------------------------------------------------------------------------
const deepChain = (n) => { let o = { leaf: true }; for (let i = 0; i < n; i++) o = { ['l' + i]: o }; return o; };
M('depth chain', () => deepChain(8), [{ depth: 0 }, { depth: 1 }, { depth: 3 }, { depth: 7 }, { depth: 8 }, { depth: Infinity }, { depth: null }, { depth: -1 }, { depth: undefined }]);
M('depth by type', () => ({ a: { b: { arr: [1], emptyArr: [], map: new Map([[1, 1]]), emptyMap: new Map(), set: new Set([1]), date: new Date(0), re: /x/g, reProps: Object.assign(/p/, { q: 1 }), fn: function f() {}, fnProps: Object.assign(function g() {}, { p: 1 }), err: new Error('e'), cls: new (class K { constructor() { this.x = 1; } })(), nullProto: Object.assign(Object.create(null), { a: 1 }), ta: new Uint8Array(1), ab: new ArrayBuffer(1), boxed: new Number(1), boxedProps: Object.assign(new Number(2), { x: 1 }), prom: Promise.resolve(1), weak: new WeakMap() } } }), [{ depth: 1 }, { depth: 0 }], 'natives');
V('deep 60 levels Infinity', () => deepChain(60), { depth: Infinity });
V('deep arrays Infinity', () => { let a = [1]; for (let i = 0; i < 30; i++) a = [a, i]; return a; }, { depth: Infinity });

// --- class instances, prototypes, tags -------------------------------------------------
V('instance with toStringTag prop', () => { class Tg { constructor() { this.a = 1; } } Tg.prototype[Symbol.toStringTag] = 'Custom'; return new Tg(); });
V('toStringTag non-string', () => ({ [Symbol.toStringTag]: 42, a: 1 }));
V('toStringTag empty', () => Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: '' }));
V('object with constructor prop', () => ({ constructor: { name: 'Fake' }, a: 1 }));
V('object constructor function prop', () => ({ constructor: function Fake() {}, a: 1 }));
V('Object.create Map.prototype', () => Object.create(Map.prototype));
V('Object.create Date.prototype', () => Object.create(Date.prototype));
V('Object.create Function.prototype', () => Object.create(Function.prototype));
V('Object.create Error.prototype props', () => Object.assign(Object.create(Error.prototype), { a: 1 }));
V('anonymous class instance props', () => { const C = (() => class {})(); const c = new C(); c.x = 1; return c; });
V('instance of class named by static', () => { class S { static name = 'Renamed'; } return new S(); });
V('instance whose class has non-string name', () => { class S { static name() {} } return new S(); }, undefined, 'hostile-skip');
V('proto chain 3 user levels showHidden', () => { class A { get a() { return 1; } } A.prototype.pa = 1; class B extends A { get b() { return 2; } } B.prototype.pb = 2; class C extends B { get c() { return 3; } } C.prototype.pc = 3; class D extends C {} D.prototype.pd = 4; return new D(); }, { showHidden: true });
V('proto props shadowed showHidden', () => { class P { } P.prototype.x = 1; P.prototype.y = 2; const p = new P(); p.x = 'own'; return p; }, { showHidden: true });
V('proto props symbol showHidden colors', () => { class P2 { } P2.prototype[Symbol('ps')] = 1; return [new P2()]; }, { showHidden: true, colors: true });
V('null proto chain with ctor', () => { const base = Object.create(null); base.constructor = function Ghost() {}; return Object.create(base); });
V('null proto chain showHidden', () => Object.create(Object.assign(Object.create(null), { inherited: 1 })), { showHidden: true });
V('complex prototype at depth', () => ({ a: { b: { c: Object.create(Object.create(null)) } } }));
V('complex prototype depth 0', () => Object.create(Object.create(null)), { depth: 0 });
V('class instance with null-proto proto', () => { class W {} const w = new W(); Object.setPrototypeOf(w, Object.create(null)); return w; }, undefined, 'natives');

// --- functions and classes ---------------------------------------------------------------
V('class static members full', () => { class Full { static n = 1; static o = { deep: [1, 2] }; static #priv = 2; static m() {} static get g() { return 1; } static { this.fromBlock = true; } } return Full; });
V('class static showHidden', () => class St { static x = 1; static m() {} }, { showHidden: true });
V('class extends expression', () => { const mixin = (B) => class extends B {}; return class Mixed extends mixin(Object) {}; });
V('class extends call no space', () => { function base() { return class {}; } return class X extends (base()) {}; });
V('class with comment before brace', () => class /* a ( paren */ Commented /* { */ {});
V('class line comment header', () => eval('(class // comment (\n LineC {})'));
V('method named class', () => ({ class() {} }).class);
V('method named classy', () => ({ classy() {} }).classy);
V('bound class', () => class Bc {}.bind(null));
V('async method', () => ({ async am() {} }).am);
V('generator method', () => ({ *gm() {} }).gm);
V('function name non-string', () => { const f = function () {}; Object.defineProperty(f, 'name', { value: 42 }); return f; });
V('function name symbol-ish', () => ({ [Symbol('sym')]() {} })[Object.getOwnPropertySymbols({ [Symbol('sym')]() {} })[0]]);
V('function with symbol prop', () => Object.assign(function fsp() {}, { [Symbol('k')]: 1 }));
V('function subclass instance', () => { class MyFn extends Function {} return new MyFn('return 1'); });
V('function with prototype props', () => { function Ctor() {} Ctor.prototype.method = function () {}; Ctor.prototype.val = 1; return Ctor; }, { showHidden: true });
V('function tag same as kind', () => { const f = function tf() {}; Object.defineProperty(f, Symbol.toStringTag, { value: 'Function' }); return f; });
V('class tag', () => { class Tagged { static get [Symbol.toStringTag]() { return 'ClassTag'; } } return Tagged; });
V('native functions', () => [Math.max, Array.prototype.push, Object, Symbol, parseInt, Function.prototype], undefined, 'hostile-skip');
V('functions colors', () => [function a() {}, class B {}, async () => {}, Object.assign(function c() {}, { p: 1 })], { colors: true });
V('function showHidden depth', () => ({ f: function deepF(a) {} }), { showHidden: true, depth: 0 });

// --- Map / Set -------------------------------------------------------------------------------
M('map options', () => new Map([[{ a: 1 }, [1, 2]], ['str', new Map([['in', new Set([1, 2])]])], [Symbol('k'), null]]), [{ depth: 0 }, { depth: 1 }, { compact: false }, { breakLength: 20 }, { maxArrayLength: 1 }, { maxArrayLength: 0 }, { colors: true }, { showHidden: true }]);
M('set options', () => new Set([1, 'two', [3], { four: 4 }, new Set([5])]), [{ depth: 0 }, { compact: false }, { maxArrayLength: 2 }, { maxArrayLength: 0 }, { colors: true }, { sorted: true }]);
V('map circular key and value', () => { const m = new Map(); m.set(m, m); m.set('x', [m]); return m; });
V('set circular', () => { const s = new Set(); s.add(s); s.add([s]); return s; });
V('map 200 entries', () => new Map(Array.from({ length: 200 }, (_, i) => [i, i])));
V('set 101 entries', () => new Set(Array.from({ length: 101 }, (_, i) => i)));
V('map with long keys', () => new Map([['k'.repeat(50), 'v'.repeat(50)], ['a', 'b']]));
V('set subclass with tag and props', () => { class Tags extends Set { get [Symbol.toStringTag]() { return 'TagSet'; } } const t = new Tags([1]); t.p = 1; return t; });
V('empty map with props', () => Object.assign(new Map(), { p: 1 }));
V('map null proto empty', () => Object.setPrototypeOf(new Map(), null));
V('map maxArrayLength null', () => new Map(Array.from({ length: 150 }, (_, i) => [i, 0])), { maxArrayLength: null });

// --- iterators and weak collections ------------------------------------------------------------
M('map iterators', () => ({ keys: new Map([[1, 'a'], [2, 'b']]).keys(), values: new Map([[1, { o: 1 }]]).values(), entries: new Map([['k', [1, 2]]]).entries() }), [{}, { maxArrayLength: 0 }, { depth: 0 }, { colors: true }, { compact: false }], 'natives');
M('set iterators', () => [new Set([1, 2, 3]).values(), new Set(['a']).entries(), new Set().keys()], [{}, { maxArrayLength: 1 }, { showHidden: true }], 'natives');
V('iterator many entries', () => new Map(Array.from({ length: 150 }, (_, i) => [i, i])).entries(), undefined, 'natives');
V('iterator with tag override', () => { const it = new Map([[1, 2]]).keys(); Object.defineProperty(it, Symbol.toStringTag, { value: 'Custom' }); return it; }, undefined, 'natives');
V('iterator with props', () => Object.assign(new Set([1]).values(), { extra: 1 }), undefined, 'natives');
V('array iterator (not previewed)', () => [1, 2][Symbol.iterator]());
V('string iterator', () => 'ab'[Symbol.iterator]());
V('generator object', () => (function* g() { yield 1; })());
V('weakmap many showHidden', () => { const ks = [{ a: 1 }, { b: 2 }, [3]]; globalThis.__wmKeep = ks; return new WeakMap(ks.map((k, i) => [k, `v${i}`])); }, { showHidden: true }, 'natives');
V('weakset limit showHidden', () => { const ks = [{ a: 1 }, { b: 2 }, { c: 3 }]; globalThis.__wsKeep = ks; return new WeakSet(ks); }, { showHidden: true, maxArrayLength: 1 }, 'natives');
V('weak with props', () => Object.assign(new WeakSet(), { p: 1 }), undefined, 'natives');
V('weakref', () => new WeakRef(globalThis));

// --- typed arrays, buffers ------------------------------------------------------------------------
for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
  const big = T.name.startsWith('Big');
  V(`typed ${T.name} 12`, () => T.from({ length: 12 }, (_, i) => (big ? BigInt(i * 1000 - 3000) * (T === BigUint64Array ? 0n + 1n : 1n) : i * 1000 - 3000)).map((x) => (T === BigUint64Array ? (x < 0n ? -x : x) : x)));
  V(`typed ${T.name} showHidden`, () => new T(3), { showHidden: true });
}
M('typed array options', () => Uint32Array.from({ length: 130 }, (_, i) => i * i), [{ maxArrayLength: 5 }, { maxArrayLength: 0 }, { compact: false }, { colors: true }, { numericSeparator: true }, { breakLength: 40 }]);
V('typed array null proto empty', () => Object.setPrototypeOf(new Uint8Array(0), null));
V('typed array null proto showHidden', () => Object.setPrototypeOf(new Uint8Array([1, 2]), null), { showHidden: true });
V('typed array tag override', () => { const t = new Uint8Array(2); Object.defineProperty(t, Symbol.toStringTag, { value: 'Bytes' }); return t; });
V('typed array on shared buffer', () => new Int32Array(new SharedArrayBuffer(8)), { showHidden: true });
V('typed array in object showHidden', () => ({ t: new Float32Array([0.5, 1.5]) }), { showHidden: true });
M('ArrayBuffer options', () => new Uint8Array(Array.from({ length: 40 }, (_, i) => i * 7)).buffer, [{ maxArrayLength: 10 }, { maxArrayLength: 0 }, { maxArrayLength: 1 }, { colors: true }, { showHidden: true }, { compact: false }, { breakLength: 30 }]);
V('ArrayBuffer 101', () => new ArrayBuffer(101));
V('ArrayBuffer null proto', () => Object.setPrototypeOf(new ArrayBuffer(2), null));
V('ArrayBuffer subclass', () => { class MyAB extends ArrayBuffer {} return new MyAB(2); });
V('DataView options showHidden', () => new DataView(new ArrayBuffer(3), 1), { showHidden: true });
V('DataView with props', () => Object.assign(new DataView(new ArrayBuffer(1)), { p: 1 }));
V('DataView null proto', () => Object.setPrototypeOf(new DataView(new ArrayBuffer(1)), null));
V('detached in typed view', () => { const ab = new ArrayBuffer(4); const dv = new DataView(ab); structuredClone(ab, { transfer: [ab] }); return { ab, len: ab.byteLength }; });

// --- dates, regexps, boxed ---------------------------------------------------------------------------
M('date options', () => ({ d: new Date(1e12), bad: new Date('x'), props: Object.assign(new Date(0), { note: 'n' }) }), [{ colors: true }, { depth: 0 }, { compact: false }, { showHidden: true }]);
V('date tag', () => Object.defineProperty(new Date(0), Symbol.toStringTag, { value: 'When' }));
V('date extreme', () => [new Date(8.64e15), new Date(-8.64e15), new Date(-1)]);
V('invalid date null proto', () => Object.setPrototypeOf(new Date(NaN), null));
V('regexp flags', () => [/a/dgimsuy, /[/]\//, new RegExp(''), new RegExp('\n'), /\u{1F600}/u]);
V('regexp with own source', () => Object.defineProperty(/real/, 'source', { value: 'fake' }));
V('regexp lastIndex shown hidden', () => /x/g, { showHidden: true });
V('regexp tag', () => Object.defineProperty(/t/, Symbol.toStringTag, { value: 'Pattern' }));
V('regexp colors props', () => Object.assign(/c/, { p: 1 }), { colors: true });
M('boxed options', () => [new Number(-0), new String('it\'s'), new Boolean(true), Object(-5n), Object(Symbol('bs')), Object.assign(new Boolean(false), { p: 1 })], [{}, { colors: true }, { showHidden: true }, { compact: false }]);
V('boxed string long', () => new String(`${'x'.repeat(50)}\n${'y'.repeat(50)}`));
V('boxed subclass tag', () => { class Tn extends Number { get [Symbol.toStringTag]() { return 'TN'; } } return new Tn(1); });
V('boxed with stylize', () => [new Number(1), Object.assign(new String('s'), { x: 1 })], { stylize: (s, t) => `<${t}|${s}>` });

// --- errors ---------------------------------------------------------------------------------------------
const mkErr = (msg, stack, props) => { const e = new Error(msg); e.stack = stack; return Object.assign(e, props); };
V('error stack without frames props', () => mkErr('m', 'Error: m', { code: 'E1' }));
V('error stack frames fake', () => mkErr('m', 'Error: m\n    at a (file.js:1:1)\n    at b (file.js:2:2)', { code: 'E2', nested: { deep: { deeper: 1 } } }));
V('error message containing at-line in stack', () => mkErr('x\n    at fake', 'Error: x\n    at fake\n    at real (r.js:1:1)', {}));
V('error message not in stack', () => mkErr('changed', 'Error: original\n    at f (f.js:1:1)', {}));
V('error name not ending in Error', () => { const e = mkErr('m', 'Oops: m\n    at f (f.js:1:1)', {}); e.name = 'Oops'; return e; });
V('error name number', () => { const e = mkErr('m', 'Error: m', {}); e.name = 42; return e; });
V('error empty name', () => { const e = mkErr('m', ': m', {}); e.name = ''; return e; });
V('error stack empty string', () => mkErr('m', '', {}));
V('error subclass custom stack head', () => { class DbError extends Error {} const e = new DbError('db'); e.stack = 'Error: db\n    at q (q.js:1:1)'; return e; });
V('error subclass with name prop', () => { class HttpError extends Error { constructor(m) { super(m); this.name = 'HttpError'; this.status = 404; } } const e = new HttpError('nf'); e.stack = 'HttpError: nf\n    at h (h.js:1:1)'; return e; });
V('error subclass tag', () => { class TE extends Error { get [Symbol.toStringTag]() { return 'TagE'; } } const e = new TE('t'); e.stack = 'Error: t\n    at x (x.js:1:1)'; return e; });
V('error null proto fake stack', () => { const e = mkErr('np', 'Error: np\n    at n (n.js:1:1)', {}); return Object.setPrototypeOf(e, null); });
V('error null proto custom name stack', () => { const e = mkErr('np', 'CustomThing: np', {}); return Object.setPrototypeOf(e, null); });
V('error null proto lower stack', () => { const e = mkErr('np', 'weird stack', {}); return Object.setPrototypeOf(e, null); });
V('error null proto bare name', () => { const e = mkErr('', 'RangeError', {}); return Object.setPrototypeOf(e, null); });
V('error cause chain fake', () => { const c2 = mkErr('root', 'Error: root\n    at r (r.js:1:1)', {}); const c1 = new Error('mid', { cause: c2 }); c1.stack = 'Error: mid\n    at m (m.js:1:1)'; const e = new Error('top', { cause: c1 }); e.stack = 'Error: top\n    at t (t.js:1:1)'; return e; });
V('error cause shared frames', () => { const f = ['    at a (a.js:1:1)', '    at b (b.js:1:1)', '    at c (c.js:1:1)', '    at d (d.js:1:1)', '    at e (e.js:1:1)', '    at f (f.js:1:1)'].join('\n'); const cause = mkErr('inner', `Error: inner\n    at inner (i.js:1:1)\n${f}`, {}); const e = new Error('outer', { cause }); e.stack = `Error: outer\n    at outer (o.js:1:1)\n${f}`; return e; });
V('error cause not error', () => { const e = new Error('c', { cause: { code: 1, nested: { a: [1] } } }); e.stack = 'Error: c\n    at c (c.js:1:1)'; return e; });
V('error cause null', () => { const e = new Error('c', { cause: null }); e.stack = 'Error: c'; return e; });
V('error inherited cause', () => { const e = mkErr('ic', 'Error: ic', {}); Object.setPrototypeOf(e, Object.assign(Object.create(Error.prototype), { cause: 'inherited' })); return e; });
V('error enumerable cause', () => mkErr('ec', 'Error: ec', { cause: 'own enumerable' }));
V('error circular via props', () => { const e = mkErr('cp', 'Error: cp\n    at z (z.js:1:1)', {}); e.self = { back: e }; return e; });
V('aggregate error fake stacks', () => { const a = mkErr('a', 'Error: a', {}); const b = mkErr('b', 'TypeError: b', {}); Object.setPrototypeOf(b, TypeError.prototype); const ag = new AggregateError([a, b, 'str'], 'agg'); ag.stack = 'AggregateError: agg\n    at g (g.js:1:1)'; return ag; });
V('aggregate error own errors prop', () => { const ag = new AggregateError([], 'x'); ag.stack = 'AggregateError: x'; ag.errors = [1]; return ag; });
M('error options', () => mkErr('opts', 'Error: opts\n    at o (o.js:1:1)', { extra: [1, 2], code: 'E_OPT' }), [{ showHidden: true }, { depth: 0 }, { compact: false }, { compact: true }, { colors: true }, { breakLength: Infinity }, { sorted: true }]);
V('errors nested indentation', () => ({ a: { b: [mkErr('deep', 'Error: deep\n    at d (d.js:1:1)\n    at e (e.js:2:2)', {})] } }));
V('error in map and set', () => new Map([[mkErr('k', 'Error: k', {}), new Set([mkErr('v', 'Error: v\n    at v (v.js:1:1)', {})])]]));
V('error depth limited with props', () => ({ a: { b: { c: { d: mkErr('dl', 'Error: dl', { p: 1 }) } } } }));
V('error stack getter throws', () => { const e = new Error('sg'); Object.defineProperty(e, 'stack', { get() { throw new Error('no stack for you'); } }); return e; });
V('error stack is object', () => mkErr('so', { toString() { return 'Error: from object'; } }, {}));
V('error message getter', () => { const e = mkErr('mg', 'Error: mg', {}); Object.defineProperty(e, 'message', { get() { return 'mg'; }, enumerable: true }); return e; });
V('error name/message enumerable kept', () => mkErr('kept', 'Error: kept', { name: 'Other', message: 'different' }));
V('error real stack', () => new Error('real stack here'));
V('error real stack colors', () => ({ e: new Error('colored real') }), { colors: true }, 'natives');
V('error real cause colors', () => new Error('outer', { cause: new Error('inner') }), { colors: true }, 'natives');
V('error node_modules frames colors', () => mkErr('nm', `Error: nm\n    at f (${process.cwd()}/node_modules/pkg/index.js:1:1)\n    at g (/x/node_modules/@scope/name/lib/a.js:2:2)\n    at h (node:internal/main/run_main_module:1:1)\n    at i (node:fs:1:1)\n    at j (node:unknown:1:1)\n    at k (file://${process.cwd()}/local.js:3:3)\n    at ${process.cwd()}/bare.js:4:4`, {}), { colors: true }, 'natives');
V('error cause matching colors', () => { const f = Array.from({ length: 6 }, (_, i) => `    at f${i} (node:internal/x${i}:1:1)`).join('\n'); const cause = mkErr('in', `Error: in\n    at ci (c.js:1:1)\n${f}`, {}); const e = new Error('out', { cause }); e.stack = `Error: out\n    at co (o.js:1:1)\n${f}`; return e; }, { colors: true });
V('error thrown by V8 type', () => { try { null.x; } catch (e) { return e; } }); // eslint-disable-line no-unused-expressions
V('error syntax from eval', () => { try { eval('{'); } catch (e) { return e; } });
V('error with toStringTag own enumerable', () => mkErr('tg', 'Error: tg', { [Symbol.toStringTag]: 'X' }));

// --- promises -----------------------------------------------------------------------------------------------
M('promise options', () => ({ ok: Promise.resolve({ a: [1, { b: 2 }] }), pend: new Promise(() => {}), bad: (() => { const p = Promise.reject(mkErr('rj', 'Error: rj', {})); p.catch(() => {}); return p; })() }), [{}, { colors: true }, { depth: 0 }, { compact: false }, { showHidden: true }], 'natives');
V('promise resolved long', () => Promise.resolve('x'.repeat(100)), undefined, 'natives');
V('promise tag and props', () => { const p = Promise.resolve(1); Object.defineProperty(p, Symbol.toStringTag, { value: 'Later' }); p.x = 1; return p; }, undefined, 'natives');
V('promise null proto', () => Object.setPrototypeOf(Promise.resolve(2), null), undefined, 'natives');
V('promise circular', () => { const o = {}; o.p = Promise.resolve(o); return o; }, undefined, 'natives');

// --- proxies -------------------------------------------------------------------------------------------------
M('proxy options', () => ({ obj: new Proxy({ a: 1 }, { get: () => 'trapped' }), arr: new Proxy([1, 2, 3], {}), fn: new Proxy(function target() {}, {}), cls: new Proxy(class PC {}, {}) }), [{}, { showProxy: true }, { showProxy: true, depth: 0 }, { showProxy: true, depth: 1 }, { showProxy: true, colors: true }, { showProxy: true, compact: false }], 'natives');
V('revoked proxies nested', () => { const r1 = Proxy.revocable({}, {}); const r2 = Proxy.revocable(function () {}, {}); r1.revoke(); r2.revoke(); return { r1: r1.proxy, arr: [r2.proxy] }; }, undefined, 'natives');
V('revoked proxy showProxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }, { showProxy: true }, 'natives');
V('proxy map', () => new Proxy(new Map([[1, 2]]), {}), undefined, 'natives');
V('proxy with custom inspect on target', () => new Proxy({ [custom](d, o) { return `custom via proxy ${Object.getPrototypeOf(o)} ${typeof o.stylize} ${o.showHidden}`; } }, {}), undefined, 'natives hostile-skip');
V('proxy handler with traps showProxy', () => new Proxy({ t: 1 }, { get() {}, has() {} }), { showProxy: true }, 'natives');
V('proxy of proxy no showProxy', () => new Proxy(new Proxy({ inner: 1 }, {}), {}), undefined, 'natives hostile-skip');
V('proxy circular', () => { const t = { a: 1 }; const p = new Proxy(t, {}); t.p = p; return p; }, undefined, 'natives');
V('proxy array grouping', () => new Proxy(Array.from({ length: 20 }, (_, i) => i), {}), undefined, 'natives');
V('proxy format %s', () => [new Proxy({ a: 1 }, {}), new Proxy([1], {})], undefined, 'natives');

// --- custom inspect ------------------------------------------------------------------------------------------
V('custom multiline deep indent', () => ({ a: { b: { c: { [custom]() { return 'one\ntwo\nthree'; } } } } }), { depth: 5 });
V('custom returns object with custom', () => ({ [custom]() { return { [custom]() { return 'inner custom'; } }; } }));
V('custom returns array', () => ({ x: { [custom]() { return [1, 2, { three: 3 }]; } } }));
V('custom returns primitives', () => [{ [custom]: () => undefined }, { [custom]: () => null }, { [custom]: () => Symbol('cs') }, { [custom]: () => 10n }, { [custom]: () => -0 }, { [custom]: () => true }]);
V('custom depth values', () => { const probe = { [custom](d) { return `depth=${d}`; } }; return { l1: probe, a: { l2: probe, b: { l3: probe } } }; });
M('custom depth option variants', () => ({ a: { [custom](d, o) { return `d=${d} od=${o.depth}`; } } }), [{ depth: 0 }, { depth: 5 }, { depth: null }, { depth: Infinity }]);
V('custom options snapshot', () => ({ [custom](d, o) { const { stylize, ...rest } = o; return JSON.stringify(rest); } }), undefined, 'hostile-skip');
M('custom options snapshot with opts', () => ({ [custom](d, o) { const { stylize, ...rest } = o; return JSON.stringify(rest, (k, v) => (v === Infinity ? 'Inf' : v)); } }), [{ colors: true, maxArrayLength: null, userThing: { nested: 1 } }, { showHidden: true, sorted: true, extra1: 1, extra2: 'two' }], 'hostile-skip');
V('custom stylize colors', () => ({ [custom](d, o) { return o.stylize('styled', 'special') + o.stylize('x', 'nope'); } }), { colors: true });
V('custom inspect passthrough options', () => ({ [custom](d, o, insp) { return insp({ deep: { er: { est: { x: 1 } } } }, { ...o, depth: d }); } }), { colors: true });
V('custom on prototype object itself', () => { class CP { [custom]() { return 'instance!'; } } return [CP.prototype, new CP()]; });
V('custom non-function', () => ({ [custom]: 'not a function', a: 1 }));
V('custom throws', () => ({ [custom]() { throw new TypeError('custom boom'); } }));
V('custom returning this with props', () => ({ p: 1, [custom]() { return this; } }), { showHidden: true });
V('custom in map/set', () => new Map([[{ [custom]: () => 'K' }, new Set([{ [custom]: () => 'V' }])]]));
V('custom customInspect false nested', () => ({ a: { [custom]: () => 'hidden?' } }), { customInspect: false });
V('custom null proto options', () => Object.assign(Object.create(null), { [custom](d, o) { return `${Object.keys(o).join(',')} ${typeof o.stylize} ${o.stylize('x', 'number')}`; } }), { colors: true }, 'hostile-skip');
V('custom returns long string in array', () => { const text = 'x'.repeat(100); return [{ [custom]: () => text }, 1]; });
V('custom returns multi-line in array grouping', () => Array.from({ length: 8 }, (_, i) => ({ [custom]: () => `c${i}` })));

// --- circular references ---------------------------------------------------------------------------------------
V('circular order of ids', () => { const a = { name: 'a' }; const b = { name: 'b', a }; const c = { name: 'c', b }; a.c = c; b.self = b; c.a = a; return [a, b, c]; });
V('circular deep', () => { const root = { level1: { level2: { level3: {} } } }; root.level1.level2.level3.back = root; root.level1.level2.back = root.level1; return root; }, { depth: 10 });
V('circular in array multiple', () => { const a = []; a.push(a, a, [a]); return a; });
V('circular through getter', () => { const o = { get me() { return o; }, x: 1 }; return o; }, { getters: true });
V('circular error cause chain', () => { const a = mkErr('a', 'Error: a\n    at a (a.js:1:1)', {}); const b = new Error('b', { cause: a }); b.stack = 'Error: b\n    at b (b.js:1:1)'; a.cause = b; return b; });
V('circular colors', () => { const o = { a: [1] }; o.a.push(o); return o; }, { colors: true });
V('circular showHidden function', () => { function Self() {} Self.me = Self; return Self; }, { showHidden: true });
V('shared not circular', () => { const shared = { s: 1 }; return { a: shared, b: shared, c: [shared] }; });
V('circular beyond depth', () => { const o = { a: { b: { c: {} } } }; o.a.b.c.o = o; return o; });

// --- arguments, namespaces, globals ------------------------------------------------------------------------------
V('arguments strict showHidden', function () { return (function () { 'use strict'; return arguments; })(1, { a: 2 }); }, { showHidden: true });
V('arguments extra props', function () { return (function () { const args = arguments; args.extra = true; return args; })('x'); });
V('arguments long', function () { return (function () { return arguments; })(...Array.from({ length: 12 }, (_, i) => i)); });
V('arguments in array', function () { return [(function () { return arguments; })()]; });
V('globalThis depth 0', () => globalThis, { depth: 0 }, 'hostile-skip');
V('Math JSON Reflect Atomics', () => ({ Math, JSON, Reflect, Atomics, Intl }), { depth: 0 }, 'hostile-skip');
V('Math showHidden depth 0', () => Math, { showHidden: true, depth: 0 }, 'hostile-skip');

// --- colors on every type ---------------------------------------------------------------------------------------------
V('colors everything', () => ({
  str: 's', multi: `${'m'.repeat(40)}\n${'n'.repeat(40)}`, num: -0, big: -3n, bool: false, und: undefined, nul: null, sym: Symbol('c'),
  [Symbol('key')]: 1, 'quoted-key': 1, arr: [, 1], date: new Date(NaN), re: /r/g, fn() {}, cls: class C {}, err: mkErr('ce', 'Error: ce', {}),
  map: new Map([[1, 'a']]), set: new Set(['s']), ta: new Int8Array(2), ab: new ArrayBuffer(2), boxed: [new Number(1), new String('b')],
  nullProto: Object.create(null), circular: null, getter: undefined, weak: new WeakSet(),
}), { colors: true, showHidden: false });
V('colors showHidden', () => ({ a: [1, 2], f() {}, m: new Map([[1, 2]]) }), { colors: true, showHidden: true });
V('colors getters', () => ({ get g() { return 1; }, get o() { return {}; }, get n() { return null; }, set s(v) {} }), { colors: true, getters: true });
V('colors grouping numbers', () => Array.from({ length: 40 }, (_, i) => i * 13), { colors: true });
V('colors grouping strings', () => Array.from({ length: 30 }, (_, i) => `s${i}`), { colors: true });
V('colors depth exceeded', () => ({ a: { b: { c: { d: 1 }, arr: [[1]], m: new Map([[1, new Map([[2, 3]])]]) } } }), { colors: true });
V('colors with custom styles unaffected', () => [1, 'a', null], { colors: 0 });
V('colors legacy arg', () => ({ a: 1 }), { colors: 'yes' });

// ===========================================================================
// util.format
// ===========================================================================
F('%s%s adjacent', () => ['%s%s', 'a', 'b']);
F('%%s', () => ['%%s', 'a']);
F('lone %', () => ['%', 'a']);
F('% at end with arg', () => ['abc%', 'a']);
F('%s then %%', () => ['%s%%', 'a']);
F('%d valueOf', () => ['%d', { valueOf() { return 42; } }]);
F('%d string float', () => ['%d', '42.5abc']);
F('%d empty', () => ['%d', '']);
F('%d null', () => ['%d %d', null, undefined]);
F('%d array', () => ['%d', [7]], 'hostile-skip');
F('%i strings', () => ['%i %i %i', '  42abc', '-0', '0b11']);
F('%i -0.5', () => ['%i', -0.5]);
F('%i object', () => ['%i', { toString() { return '12'; } }]);
F('%f strings', () => ['%f %f %f', '1e3', '.5', '-Infinity']);
F('%f bigint', () => ['%f', 5n]);
F('%f -0', () => ['%f', '-0']);
F('%j toJSON', () => ['%j', { toJSON() { return { replaced: true }; } }]);
F('%j bigint throws', () => ['%j', 1n]);
F('%j function', () => ['%j', function f() {}]);
F('%j string', () => ['%j', 'str"q']);
F('%j nested circular', () => { const a = { b: {} }; a.b.a = a; return ['%j', [a]]; });
F('%o class', () => ['%o', class Foo { static s = 1; }]);
F('%o array', () => ['%o', [1, [2, [3, [4, [5, [6]]]]]]]);
F('%o proxy', () => ['%o', new Proxy({ a: 1 }, {})], 'natives');
F('%O depth', () => ['%O', { a: { b: { c: { d: 1 } } } }]);
F('%O colors-free', () => ['%O and %o', 'str', 'str']);
F('%c missing arg', () => ['%c']);
F('%c twice', () => ['a%cb%cc', 'x', 'y', 'z']);
F('%s object with toString in proto chain', () => { class A { toString() { return 'A!'; } } class B extends A {} return ['%s', new B()]; });
F('%s null proto toString', () => ['%s', Object.assign(Object.create(null), { toString() { return 'np'; } })]);
F('%s object toString non-function', () => ['%s', { toString: 1, a: 1 }]);
F('%s array with toString own', () => ['%s', Object.assign([1, 2], { toString() { return 'arr!'; } })]);
F('%s date subclass', () => { class D2 extends Date {} return ['%s', new D2(0)]; });
F('%s error subclass', () => { class E2 extends Error {} const e = new E2('sub'); e.stack = 'Error: sub'; return ['%s', e]; });
F('%s nested depth', () => ['%s', { a: { b: [1, { c: 1 }] }, s: new Set([[1]]) }]);
F('%s long object', () => ['%s', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]))]);
F('%s symbol description', () => ['%s %s', Symbol(), Symbol('d')]);
F('%s boxed', () => ['%s %s', new Number(5), new String('boxed')]);
F('%s revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return ['%s', r.proxy]; }, 'natives');
F('%s -0 in array', () => ['%s', [-0]]);
F('non-string first object then format', () => [{ a: 1 }, '%s', 'x']);
F('number first', () => [42, '%d', 1]);
F('symbol first', () => [Symbol('first'), 'x']);
F('undefined first', () => [undefined, null]);
F('string args after consumed', () => ['%s', 'a', 'b\nc', 'd']);
F('percent sequences mix', () => ['%%%s%%%d%%', 'a', 1]);
F('multiple objects', () => ['objs', { a: 1 }, [1, 2], new Map([[1, 2]]), new Error('x').message]);
F('format long args', () => ['%s', 'x'.repeat(200), { y: 'y'.repeat(100) }]);
F('format only percent', () => ['%']);
F('format %o circular', () => { const o = { n: 1 }; o.o = o; return ['%o', o]; });
F('format %s circular', () => { const o = { n: 1 }; o.o = o; return ['%s', o]; });
F('format %d many', () => ['%d%d%d', 1, 2]);
F('format unknown then valid', () => ['%y %s', 'a']);

// formatWithOptions with various option sets
for (const [label, opts] of [['colors', { colors: true }], ['depth0', { depth: 0 }], ['numsep', { numericSeparator: true }], ['compactfalse', { compact: false }], ['showHidden', { showHidden: true }], ['array opts', []], ['map opts', new Map()], ['sorted', { sorted: true }], ['breakLength', { breakLength: 10 }], ['maxArrayLength', { maxArrayLength: 1 }]]) {
  A(`formatWithOptions ${label}`, (api) => api.formatWithOptions(opts, '%s|%d|%i|%f|%j|%o|%O|%c|%%', 12345.678, 12345.678, 12345.678, 12345.678, { j: 1 }, { o: [1, 2] }, { O: { deep: { er: { est: 1 } } } }, 'css') +
    api.formatWithOptions(opts, 'tail', { b: 2, a: [1, 2, 3] }, 'str', 5n, Symbol('s'), [1, 2]));
}

// ===========================================================================
// API checks
// ===========================================================================
A('legacy showHidden depth colors', (api) => api.inspect({ a: { b: { c: [1] } } }, true, 0, true));
A('legacy depth null', (api) => api.inspect({ a: { b: { c: { d: { e: 1 } } } } }, false, null));
A('legacy undefined args', (api) => api.inspect({ a: { b: { c: { d: 1 } } } }, undefined, undefined, undefined));
A('legacy colors only', (api) => api.inspect([1, 'a'], undefined, undefined, true));
A('opts is a string', (api) => api.inspect({ [custom](d, o) { return JSON.stringify(Object.keys(o).slice(13)); } }, 'str'));
A('opts is a number', (api) => api.inspect([1, 2], 5));
A('stylize option without colors', (api) => api.inspect({ a: 1, b: 'x', c: [null, undefined, true, 1n, Symbol('q')], d: new Date(0) }, { stylize: (s, t) => `<${t}:${s}>` }));
for (const bad of [null, undefined, 1, 'str', 'x'.repeat(40), "it's", true, 5n, Symbol('s'), function named() {}, () => {}, class K {}]) {
  A(`formatWithOptions invalid ${typeof bad} ${String(typeof bad === 'symbol' ? 'sym' : bad).slice(0, 12)}`, (api) => api.formatWithOptions(bad, 'x'));
}
for (const bad of [null, [], [1], function f() {}, 'x', 1, undefined]) {
  A(`defaultOptions invalid ${Array.isArray(bad) ? 'array' : typeof bad}`, (api) => { api.inspect.defaultOptions = bad; return 'no throw'; });
}
A('defaultOptions unknown key', (api) => { api.inspect.defaultOptions = { unknownKey: 1 }; return 'no throw'; });
A('defaultOptions value', (api) => JSON.stringify(api.inspect.defaultOptions));
A('defaultOptions descriptor', (api) => { const d = Object.getOwnPropertyDescriptor(api.inspect, 'defaultOptions'); return `${typeof d.get} ${typeof d.set} ${d.enumerable} ${d.configurable}`; });
A('defaultOptions sealed', (api) => `${Object.isSealed(api.inspect.defaultOptions)} ${Object.isFrozen(api.inspect.defaultOptions)}`);
for (const [label, change] of [['depth 0', { depth: 0 }], ['colors', { colors: true }], ['compact false', { compact: false }], ['breakLength 20', { breakLength: 20 }], ['maxArrayLength 2', { maxArrayLength: 2 }], ['showHidden', { showHidden: true }], ['sorted', { sorted: true }], ['numericSeparator', { numericSeparator: true }]]) {
  A(`defaultOptions set ${label}`, (api) => {
    const saved = { ...api.inspect.defaultOptions };
    api.inspect.defaultOptions = change;
    try {
      return api.inspect({ z: 1234567, a: { b: { c: { d: [1, 2, 3, 'long string value here'] } } } }) + api.format('%s %o', { k: [1, 2, 3] }, [4, 5, 6]);
    } finally {
      api.inspect.defaultOptions = saved;
    }
  });
}
A('defaultOptions direct mutation', (api) => { const d = api.inspect.defaultOptions; const old = d.depth; d.depth = 0; try { return api.inspect({ a: { b: 1 } }); } finally { d.depth = old; } });
A('inspect.custom', (api) => `${api.inspect.custom === Symbol.for('nodejs.util.inspect.custom')} ${JSON.stringify(Object.getOwnPropertyDescriptor(api.inspect, 'custom'), (k, v) => (typeof v === 'symbol' ? String(v) : v))}`);
A('inspect.colors table', (api) => api.inspect(api.inspect.colors, { showHidden: true }));
A('inspect.colors aliases', (api) => ['grey', 'blackBright', 'bgGrey', 'bgBlackBright', 'faint', 'crossedout', 'strikeThrough', 'crossedOut', 'conceal', 'swapColors', 'swapcolors', 'doubleUnderline'].map((k) => `${k}=${api.inspect.colors[k]}`).join(' '));
A('inspect.colors keys', (api) => Reflect.ownKeys(api.inspect.colors).join(','));
A('inspect.styles table', (api) => api.inspect(api.inspect.styles));
A('inspect.colors alias setter', (api) => { const old = api.inspect.colors.gray; api.inspect.colors.grey = [1, 2]; try { return `${api.inspect.colors.gray} ${api.inspect([undefined], { colors: true })}`; } finally { api.inspect.colors.gray = old; } });
A('inspect.styles modified', (api) => { const old = api.inspect.styles.number; api.inspect.styles.number = 'red'; api.inspect.styles.string = 'nope'; try { return api.inspect([1, 'a', 2n], { colors: true }); } finally { api.inspect.styles.number = old; api.inspect.styles.string = 'green'; } });
A('inspect.colors modified', (api) => { const old = api.inspect.colors.yellow; api.inspect.colors.yellow = [91, 92]; try { return api.inspect([1, true], { colors: true }); } finally { api.inspect.colors.yellow = old; } });
A('inspect.styles prototype', (api) => `${Object.getPrototypeOf(api.inspect.styles)} ${Object.getPrototypeOf(api.inspect.colors)}`);
A('inspect name/length', (api) => `${api.inspect.name} ${api.inspect.length} ${api.format.name} ${api.format.length} ${api.formatWithOptions.length}`);
for (const bad of [1, null, undefined, {}, ['a'], Symbol('s')]) {
  A(`stripVTControlCharacters invalid ${typeof bad}`, (api) => api.stripVTControlCharacters(bad));
}
A('getStringWidth samples', (api) => ['', 'abc', '\x1b[31mab\x1b[39m', 'ｆｕｌｌ', 'e\u0301', '👨‍👩‍👧', '\t\n', '日本語abc', 'a\u200bb'].map((s) => `${api.getStringWidth(s)}/${api.getStringWidth(s, false)}`).join(' '));
A('getStringWidth default arg undefined', (api) => `${api.getStringWidth('\x1b[1mX\x1b[22m', undefined)}`);
for (const [a, b] of [
  [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]], [[0, 1, 2, 3, 4, 9], [8, 1, 2, 3, 4, 7]], [[1, 2, 3], [1, 2, 3]], [[9, 1, 2, 3, 4], [1, 2, 3, 4]],
  [['a', 'b', 'c', 'd', 'e', 'f'], ['x', 'c', 'd', 'e', 'f', 'g']], [[1, 2, 3, 4, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5]], [[], []], [[1, 2, 3, 4], [5, 1, 2, 3, 4]],
]) {
  A(`identicalSequenceRange ${JSON.stringify(a)} ${JSON.stringify(b)}`, (api) => JSON.stringify(api.identicalSequenceRange(a, b)));
}
A('inspect throws from getter-less toStringTag getter', (api) => api.inspect({ get [Symbol.toStringTag]() { throw new Error('tag getter'); } }));
A('inspect sorted non-function', (api) => api.inspect({ b: 1, a: 2 }, { sorted: 'yes' }));
A('inspect maxArrayLength negative', (api) => api.inspect([1, 2, 3, new Set([1]), new Map([[1, 1]])], { maxArrayLength: -1 }));
A('inspect maxArrayLength string', (api) => api.inspect([[1, 2], { a: 1 }], { maxArrayLength: 'x' }));
A('inspect depth string', (api) => api.inspect({ a: { b: { c: { d: {} } } } }, { depth: 'x' }));
A('inspect compact string', (api) => api.inspect({ a: { b: 1 } }, { compact: '3' }));
A('inspect breakLength string', (api) => api.inspect({ a: [1, 2, 3] }, { breakLength: '5' }));
A('inspect custom false keeps util.inspect.custom fn', (api) => api.inspect({ inspect() { return 'old style'; }, a: 1 }));
A('inspect userOptions passed nested', (api) => api.inspect({ outer: { [custom](d, o, insp) { return insp({ inner: { [custom](d2, o2) { return `inner sees ${o2.marker}`; } } }, o); } } }, { marker: 'M' }));
A('custom is the public inspect', (api) => api.inspect({ [custom]: api.inspect, a: 1 }) + api.format('%o', [{ [custom]: api.inspect }]));
A('custom receives the public inspect', (api) => api.inspect({ [custom](d, o, insp) { return `${typeof insp} ${insp === api.inspect}`; } }));
A('inspect many option keys order', (api) => api.inspect({ [custom](d, o) { return Object.keys(o).join(','); } }, { z: 1, depth: 1, a: 2, colors: false, stylize: undefined }));

// --- objects from another realm (vm context) ----------------------------------------------------------------
const foreign = (code) => () => vm.runInNewContext(code);
V('foreign plain', foreign('({ a: [1, 2], b: { c: new Map([[1, { d: 1 }]]) }, s: new Set([1]) })'));
V('foreign class instance', foreign('class Foreign { constructor() { this.x = 1; } }; new Foreign()'));
V('foreign error', foreign('const e = new RangeError("far"); e.stack = "RangeError: far\\n    at f (f.js:1:1)"; e.code = 1; e'));
V('foreign date regexp fn', foreign('[new Date(0), /re/g, function fn() {}, class K {}, Symbol("s"), 5n]'));
V('foreign typed and buffers', foreign('[new Uint8Array([1, 2]), new ArrayBuffer(2), new DataView(new ArrayBuffer(1))]'));
V('foreign null proto', foreign('Object.assign(Object.create(null), { a: 1 })'));
V('foreign custom inspect', foreign('({ [Symbol.for("nodejs.util.inspect.custom")](d, o) { return "foreign custom " + Object.getPrototypeOf(o) + " " + typeof o.stylize; } })'), undefined, 'hostile-skip');
V('foreign promise and proxy', foreign('[Promise.resolve(1), new Proxy({ p: 1 }, {})]'), undefined, 'natives');
V('foreign arguments', foreign('(function () { return arguments; })(1, 2)'));
V('foreign boxed', foreign('[new Number(1), new String("s"), Object(1n)]'));
V('foreign showHidden', foreign('class P { get g() { return 1; } }; [new P(), [1]]'), { showHidden: true });

// --- prototypes swapped to Object.prototype ---------------------------------------------------------------------
V('map with Object.prototype', () => Object.setPrototypeOf(new Map([[1, 2]]), Object.prototype));
V('set with Object.prototype', () => Object.setPrototypeOf(new Set([1]), Object.prototype));
V('typed array with Object.prototype', () => Object.setPrototypeOf(new Uint8Array(2), Object.prototype));
V('error with Object.prototype', () => Object.setPrototypeOf(new Error('x'), Object.prototype));
V('boxed with Object.prototype', () => Object.setPrototypeOf(new Number(1), Object.prototype));
V('promise with Object.prototype', () => Object.setPrototypeOf(Promise.resolve(1), Object.prototype));
V('regexp with Object.prototype', () => Object.setPrototypeOf(/x/, Object.prototype));
V('function with Object.prototype', () => Object.setPrototypeOf(function f() {}, Object.prototype));
V('array with Map.prototype', () => Object.setPrototypeOf([1, 2], Map.prototype));
V('map iterator null proto', () => Object.setPrototypeOf(new Map([[1, 2]]).entries(), null), undefined, 'natives');
V('iterator entries tag override', () => { const it = new Map([[1, 2]]).entries(); Object.defineProperty(it, Symbol.toStringTag, { value: 'Pairs' }); return it; }, undefined, 'natives');

A('error shape of thrown API errors', (api) => {
  try {
    api.formatWithOptions('x', 1);
  } catch (e) {
    return [e.name, e.code, Reflect.ownKeys(e).join(), String(e), e instanceof TypeError,
      e.stack.split('\n')[0], api.inspect(e).split('\n').filter((l) => !l.includes('    at ')).join('|')].join(' ;; ');
  }
  return 'no throw';
});

// --- unusual option values ------------------------------------------------------------------------------------
M('compact fractional and odd', () => ({ a: { b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] }, c: 'x' }), [{ compact: 0.5 }, { compact: 1.5 }, { compact: 3.7 }, { compact: -1 }, { compact: NaN }, { compact: Infinity }, { compact: '2' }, { compact: null }]);
M('breakLength odd', () => ({ a: [1, 2, 3, 4, 5, 6, 7, 8], b: 'text' }), [{ breakLength: NaN }, { breakLength: -Infinity }, { breakLength: 2.5 }, { breakLength: null }]);
// (Typed arrays and ArrayBuffers are left out: with a fractional or -Infinity
// maxArrayLength Node throws a RangeError for them; islet prints them.)
M('maxArrayLength odd', () => ({ a: [1, 2, 3], s: new Set([1, 2]), m: new Map([[1, 2]]) }), [{ maxArrayLength: 1.5 }, { maxArrayLength: -Infinity }, { maxArrayLength: Infinity }]);
M('maxArrayLength odd buffers', () => ({ t: new Uint8Array(3), b: new ArrayBuffer(3) }), [{ maxArrayLength: Infinity }, { maxArrayLength: 2 }]);
M('maxStringLength odd', () => ['abcdef', { k: 'ghijkl' }], [{ maxStringLength: 2.5 }, { maxStringLength: -Infinity }]);
M('showHidden truthy values', () => ({ a: [1] }), [{ showHidden: 1 }, { showHidden: 'yes' }, { showHidden: 0 }]);
M('depth odd', () => ({ a: { b: { c: { d: 1 } } } }), [{ depth: 1.5 }, { depth: '1' }, { depth: NaN }, { depth: -Infinity }]);

// bare-context expressions (inherited)
export const bareExprs = [
  '1', '-0', '"str"', '[1, 2, [3, [4, [5]]]]', '({ a: 1, "b-c": [1, 2], d: { e: { f: { g: 1 } } } })',
  'new Map([[1, { a: 1 }], ["k", [1]]])', 'new Set([1, "a", [2]])', 'new Uint8Array([1, 2, 3])',
  'new Float32Array(10)', 'new ArrayBuffer(3)', 'new DataView(new ArrayBuffer(2))', 'new Date(0)', '/re/g',
  'Object.create(null)', 'Object.assign(Object.create(null), { x: 1 })', '(class Foo {})',
  '(class Bar extends Array {})', 'new (class Baz { constructor() { this.q = 1; } })()',
  '(function named() {})', '(async () => {})', '(function* g() {})', '(async function* ag() {})',
  'new WeakMap()', 'new WeakSet()', 'new Number(1)', 'new String("ab")', 'Object(2n)', 'Object(Symbol("s"))',
  'Promise.resolve(5)', 'new Promise(() => {})', 'new Proxy({ p: 1 }, {})',
  '(() => { const e = new TypeError("bare"); e.stack = "TypeError: bare\\n    at somewhere (file.js:1:1)"; return e; })()',
  '(() => { const e = new Error("x"); e.stack = "Error: x"; e.extra = 1; return { e }; })()',
  '(() => { const o = { a: 1 }; o.self = o; return o; })()', 'Array.from({ length: 30 }, (_, i) => i * 3)',
  '(function () { return arguments; })(1, 2)', 'new Map([[1, 2]]).entries()', 'new Set([3]).values()',
  '({ get a() { return 1; }, set b(v) {}, [Symbol("s")]: 1 })', 'Object.defineProperty({}, Symbol.toStringTag, { value: "Tag" })',
  '({ [Symbol.for("nodejs.util.inspect.custom")]() { return "custom!"; } })', 'JSON', 'Math',
  '[new Map([[{ a: 1 }, new Set([1])]])]', 'new BigInt64Array([1n])', 'new Array(3)', '[1, , 3]',
];
