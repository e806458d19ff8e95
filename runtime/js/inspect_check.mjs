// Test aid: compares runtime/js/inspect.js against Node's own util.inspect /
// util.format. Run with `node runtime/js/inspect_check.mjs` (re-executes itself
// with --expose-internals to reach Node's native helpers). Options:
//   -v               print every passing case too
//   --no-natives     only run with natives = {}
//   --v8run=BINARY   also replay the cases inside a real embedder (see
//                    runEmbedder below for the expected CLI); INSPECT_V8RUN works too.
// Exits non-zero on any mismatch.
import { spawnSync } from 'node:child_process';
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import util from 'node:util';
import vm from 'node:vm';

const selfPath = fileURLToPath(import.meta.url);
if (!process.execArgv.includes('--expose-internals')) {
  const r = spawnSync(process.execPath,
                      ['--expose-internals', '--no-warnings', selfPath, ...process.argv.slice(2)],
                      { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const require = createRequire(import.meta.url);
const { internalBinding } = require('internal/test/binding');
const binding = internalBinding('util');

const src = readFileSync(new URL('./inspect.js', import.meta.url), 'utf8');
const factory = (0, eval)(src);
if (typeof factory !== 'function') throw new Error('inspect.js did not evaluate to a function');

const fullNatives = {
  previewEntries: (obj, isIterator) =>
    (isIterator ? binding.previewEntries(obj, true) : binding.previewEntries(obj)),
  getPromiseState: (p) => binding.getPromiseDetails(p),
  getProxyDetails: (p) => binding.getProxyDetails(p, true),
};
const withNatives = factory(fullNatives);
const noNatives = factory({});

const verbose = process.argv.includes('-v');
const onlyNoNatives = process.argv.includes('--no-natives');

// ---------------------------------------------------------------------------
// Case definitions. Each case: [name, () => value, inspectOptions?]
// Values are created once per case and passed to both implementations.
// Cases tagged `natives` need the native helpers to match.
// ---------------------------------------------------------------------------
const values = [];
const formats = [];
const V = (name, make, opts, tags = '') => values.push({ name, make, opts, tags });
const F = (name, make, tags = '') => formats.push({ name, make, tags });

// Primitives
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
V('proxy of proxy showProxy', () => new Proxy(new Proxy({}, {}), {}), { showProxy: true }, 'natives');
// Custom inspect
const custom = Symbol.for('nodejs.util.inspect.custom');
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
V('globalThis-like', () => ({ Math, JSON }));
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
const EXPECTED_NO_NATIVE_DIFF = (tags) => tags.includes('natives');

function run(impl, label, allowDiff) {
  let failures = 0;
  let total = 0;
  const report = (name, expected, actual) => {
    failures++;
    console.log(`MISMATCH [${label}] ${name}\n--- node:\n${expected}\n--- ours:\n${actual}\n`);
  };
  const check = (name, tags, fnNode, fnOurs) => {
    total++;
    let expected;
    let actual;
    try { expected = fnNode(); } catch (e) { expected = `THREW ${e && e.name}: ${e && e.message}`; }
    try { actual = fnOurs(); } catch (e) { actual = `THREW ${e && e.name}: ${e && e.message}${verbose ? e.stack : ''}`; }
    if (expected !== actual) {
      if (allowDiff(tags)) return;
      report(name, expected, actual);
    } else if (verbose) {
      console.log(`ok [${label}] ${name}: ${expected}`);
    }
  };
  for (const { name, make, opts, tags } of values) {
    const v = make();
    if (opts === undefined) {
      check(name, tags, () => util.inspect(v), () => impl.inspect(v));
      check(`${name} (format)`, tags, () => util.format(v), () => impl.format(v));
      check(`${name} (in object)`, tags, () => util.inspect({ key: v, other: 'x' }), () => impl.inspect({ key: v, other: 'x' }));
      check(`${name} (in array)`, tags, () => util.inspect([v, 1]), () => impl.inspect([v, 1]));
      check(`${name} (log args)`, tags, () => util.format('%s:', 'v', v), () => impl.format('%s:', 'v', v));
      check(`${name} (%o)`, tags, () => util.format('%o', v), () => impl.format('%o', v));
    } else {
      check(name, tags, () => util.inspect(v, opts), () => impl.inspect(v, opts));
      check(`${name} (in object)`, tags, () => util.inspect({ key: v }, opts), () => impl.inspect({ key: v }, opts));
      check(`${name} (formatWithOptions)`, tags,
            () => util.formatWithOptions(opts, 'x', v), () => impl.formatWithOptions(opts, 'x', v));
    }
  }
  for (const { name, make, tags } of formats) {
    const args = make();
    check(`format ${name}`, tags, () => util.format(...args), () => impl.format(...args));
    check(`formatWithOptions ${name}`, tags,
          () => util.formatWithOptions({ depth: 0 }, ...args),
          () => impl.formatWithOptions({ depth: 0 }, ...args));
  }
  // API-level checks.
  check('legacy args', '', () => util.inspect({ a: { b: { c: { d: 1 } } } }, false, 0),
        () => impl.inspect({ a: { b: { c: { d: 1 } } } }, false, 0));
  check('legacy showHidden bool', '', () => util.inspect([1], true), () => impl.inspect([1], true));
  check('formatWithOptions invalid', '', () => util.formatWithOptions(1, 'x'), () => impl.formatWithOptions(1, 'x'));
  check('inspect.custom symbol', '', () => String(util.inspect.custom === impl.inspect.custom), () => 'true');
  return { failures, total };
}

// ---------------------------------------------------------------------------
// Bare-context run: evaluate inspect.js inside a fresh vm context (only
// ECMAScript built-ins, like a bare V8 isolate), build values there, and
// compare with Node's output for the same expression built in this realm.
// ---------------------------------------------------------------------------
const bareExprs = [
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
function runBare(natives, label) {
  const context = vm.createContext({});
  const impl = vm.runInContext(src, context)(natives);
  let failures = 0;
  for (const expr of bareExprs) {
    for (const opts of [undefined, { showHidden: true }]) {
      const tags = /Promise|Proxy|entries\(\)|values\(\)/.test(expr) || (opts && /Weak/.test(expr)) ? 'natives' : '';
      if (natives !== fullNatives && tags) continue;
      const expected = util.inspect((0, eval)(`(${expr})`), opts);
      let actual;
      try { actual = impl.inspect(vm.runInContext(`(${expr})`, context), opts); } catch (e) { actual = `THREW ${e.stack}`; }
      if (expected !== actual) {
        failures++;
        console.log(`MISMATCH [bare ${label}] ${expr} ${JSON.stringify(opts)}\n--- node:\n${expected}\n--- ours:\n${actual}\n`);
      }
    }
    let fexp;
    let fact;
    try {
      fexp = util.format('%s|%o|%d|%j', ...[0, 1, 2, 3].map(() => (0, eval)(`(${expr})`)));
    } catch (e) { fexp = `THREW ${e.message}`; }
    try {
      fact = impl.format('%s|%o|%d|%j', ...[0, 1, 2, 3].map(() => vm.runInContext(`(${expr})`, context)));
    } catch (e) { fact = `THREW ${e.message}`; }
    if (fexp !== fact && !(natives !== fullNatives && /Promise|Proxy|entries\(\)|values\(\)|Weak/.test(expr))) {
      failures++;
      console.log(`MISMATCH [bare ${label}] format ${expr}\n--- node:\n${fexp}\n--- ours:\n${fact}\n`);
    }
  }
  console.log(`[bare ${label}] ${bareExprs.length} expressions, ${failures} mismatches`);
  return failures;
}

// String width: compare against Node's ICU-backed getStringWidth.
function runWidth() {
  const { getStringWidth } = require('internal/util/inspect');
  let failures = 0;
  const samples = ['abc', '日本語', '😀', '👍🏽', 'e\u0301', '\u200b', 'ｆｕｌｌ', '한국어', '\x1b[31mred\x1b[39m', 'a\u00adb',
    '👨‍👩‍👧', '⌚', '☃', 'Ω', '\ud800'];
  for (let cp = 0; cp < 0x40000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    samples.push(String.fromCodePoint(cp));
  }
  for (const str of samples) {
    for (const strip of [true, false]) {
      const expected = getStringWidth(str, strip);
      const actual = withNatives.getStringWidth(str, strip);
      if (expected !== actual) {
        failures++;
        if (failures < 20) console.log(`WIDTH MISMATCH ${JSON.stringify(str)} (U+${str.codePointAt(0).toString(16)}) node=${expected} ours=${actual}`);
      }
    }
  }
  console.log(`[width] ${samples.length} strings, ${failures} mismatches`);
  return failures;
}

// Optional: run the expression suite inside a real embedder. Pass
// --v8run=/path/to/binary (or set INSPECT_V8RUN). The binary is invoked as
// `binary inspect.js driver.js [nonatives]`; it must evaluate inspect.js,
// call it with natives (omitted when a third argument is given), call the
// function that driver.js evaluates to with the returned API object and
// print the string that function returns.
function runEmbedder(binary, withNativesFlag) {
  const extra = [
    '(() => { const e = new Error("real"); return e.stack.split("\\n")[0]; })()',
    '[1.5, -0, NaN, 2n ** 70n, "x\\u0000y", Symbol("s")]',
    '({ a: { b: { c: { d: {} } } }, arr: Array.from({ length: 120 }, (_, i) => i) })',
    'new Error("wrapped", { cause: "c" }).cause',
    '(() => { const e = new RangeError("r"); e.stack = "RangeError: r\\n    at f (x.js:1:1)"; e.code = 5; return [e]; })()',
    'Promise.reject(3).catch(() => {}) && (() => { const p = Promise.reject(new Error("no")); p.catch(() => {}); return p; })().then(() => {}, () => {})',
    '(() => { const p = Promise.reject(7); p.catch(() => {}); return p; })()',
    '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()',
    'new Proxy([1, 2], { get() { throw new Error("trap"); } })',
    '(() => { const m = new Map([[1, 2], [3, 4]]); const it = m.entries(); it.next(); return it; })()',
    '[class A { static x = 1 }, class extends Array {}, async function* ag() {}]',
  ];
  // Also replay the value cases by source (skipping ones whose output has
  // real stack frames, which necessarily differ between hosts).
  const replay = [];
  for (const { make, opts } of values) {
    if (opts !== undefined && JSON.stringify(opts) === undefined) continue;
    let out;
    try { out = util.inspect(make(), opts); } catch { continue; }
    if (/\n\s+at /.test(out) || /structuredClone/.test(make.toString())) continue;
    const optsSrc = opts === undefined ? '' : `, ${JSON.stringify(opts)}`;
    replay.push(`[(${make.toString()})()${optsSrc}]`);
  }
  for (const { make } of formats) {
    let out;
    try { out = util.format(...make()); } catch { continue; }
    if (/\n\s+at /.test(out)) continue;
    replay.push(`[(${make.toString()})(), 'format']`);
  }
  const exprs = [...bareExprs, ...extra];
  const driver = `(function (api) {
    'use strict';
    const exprs = ${JSON.stringify(exprs)};
    const out = [];
    for (const e of exprs) {
      for (const f of [(v) => api.inspect(v), (v) => api.inspect(v, { showHidden: true }),
                       (v) => api.format('%s|%o|%d|%j', v, v, v, v)]) {
        try { out.push(f((0, eval)('(' + e + ')'))); } catch (err) { out.push('THREW ' + err.message); }
      }
    }
    const replay = ${JSON.stringify(replay)};
    const custom = Symbol.for('nodejs.util.inspect.custom');
    for (const r of replay) {
      try {
        const [v, o] = eval(r);
        out.push(o === 'format' ? api.format(...v) : o === undefined ? api.inspect(v) : api.inspect(v, o));
      } catch (err) { out.push('THREW ' + err.message); }
    }
    return JSON.stringify(out);
  })`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspect-check-'));
  const driverPath = path.join(dir, 'driver.js');
  fs.writeFileSync(driverPath, driver);
  const args = [fileURLToPath(new URL('./inspect.js', import.meta.url)), driverPath];
  if (!withNativesFlag) args.push('nonatives');
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  if (r.status !== 0) {
    console.log(`[embedder] failed: ${r.stderr}`);
    return 1;
  }
  const actual = JSON.parse(r.stdout);
  let failures = 0;
  let i = 0;
  for (const e of exprs) {
    for (const f of [(v) => util.inspect(v), (v) => util.inspect(v, { showHidden: true }),
                     (v) => util.format('%s|%o|%d|%j', v, v, v, v)]) {
      let expected;
      try { expected = f((0, eval)(`(${e})`)); } catch (err) { expected = `THREW ${err.message}`; }
      const got = actual[i++];
      const nativeOnly = /Promise|Proxy|entries\(\)|values\(\)|Weak/.test(e);
      if (expected !== got && (withNativesFlag || !nativeOnly)) {
        failures++;
        console.log(`MISMATCH [embedder${withNativesFlag ? '' : ' no-natives'}] ${e}\n--- node:\n${expected}\n--- ours:\n${got}\n`);
      }
    }
  }
  const custom = Symbol.for('nodejs.util.inspect.custom'); // eslint-disable-line no-unused-vars
  for (const r of replay) {
    let expected;
    try {
      const [v, o] = eval(r);
      expected = o === 'format' ? util.format(...v) : o === undefined ? util.inspect(v) : util.inspect(v, o);
    } catch (err) { expected = `THREW ${err.message}`; }
    const got = actual[i++];
    const nativeOnly = /Promise|Proxy|\.entries\(\)|\.values\(\)|\.keys\(\)|Weak|Symbol\.iterator\]\(\)/.test(r);
    if (expected !== got && (withNativesFlag || !nativeOnly)) {
      failures++;
      console.log(`MISMATCH [embedder${withNativesFlag ? '' : ' no-natives'}] ${r}\n--- node:\n${expected}\n--- ours:\n${got}\n`);
    }
  }
  console.log(`[embedder${withNativesFlag ? '' : ' no-natives'}] ${exprs.length + replay.length} expressions, ${failures} mismatches`);
  return failures;
}

let totalFailures = 0;
const runs = onlyNoNatives ? [[noNatives, 'no-natives', EXPECTED_NO_NATIVE_DIFF]] : [
  [withNatives, 'natives', () => false],
  [noNatives, 'no-natives', EXPECTED_NO_NATIVE_DIFF],
];
for (const [impl, label, allow] of runs) {
  const { failures, total } = run(impl, label, allow);
  console.log(`[${label}] ${total - failures}/${total} checks passed (${values.length} values, ${formats.length} format cases)`);
  totalFailures += failures;
}
if (!onlyNoNatives) totalFailures += runBare(fullNatives, 'natives');
totalFailures += runBare({}, 'no-natives');
const embedder = (process.argv.find((a) => a.startsWith('--v8run=')) || '').slice(8) || process.env.INSPECT_V8RUN;
if (embedder) {
  totalFailures += runEmbedder(embedder, true);
  totalFailures += runEmbedder(embedder, false);
}
const widthFailures = runWidth();
// Known: V8's Unicode tables differ slightly from Node's ICU for a few
// code points; report but tolerate a handful.
if (widthFailures > 20) totalFailures += widthFailures;
process.exit(totalFailures === 0 ? 0 : 1);
