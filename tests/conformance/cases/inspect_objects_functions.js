'use strict';
// util.inspect on plain objects, class instances, prototypes, getters,
// functions and classes, boxed primitives, dates, regexps, promises,
// proxies, custom inspect functions, circular structures, arguments.
const util = require('util');

const I = (label, value, opts) => console.log(`## ${label}\n${opts === undefined ? util.inspect(value) : util.inspect(value, opts)}`);
const custom = util.inspect.custom;

// --- objects ---------------------------------------------------------------------
I('empty', {});
I('simple', { a: 1, b: 'two', c: [3], d: { e: null } });
I('nested beyond depth', { a: { b: { c: { d: { e: 1 } } } } });
I('empty containers at depth', { a: { b: { c: { d: {}, e: [], f: new Map() } } } });
I('null prototype', Object.create(null));
I('null prototype with props', Object.assign(Object.create(null), { a: 1 }));
I('null prototype chain', Object.create(Object.create(null)));
I('symbol keys', { [Symbol('s')]: 1, [Symbol.iterator]: 2, a: 3 });
I('non-enumerable', Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }));
I('non-enumerable showHidden', Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }), { showHidden: true });
I('own toStringTag', { [Symbol.toStringTag]: 'X', a: 1 });
I('hidden toStringTag', Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: 'Hidden' }));
I('null prototype with tag', Object.defineProperty(Object.create(null), Symbol.toStringTag, { value: 'NP' }));
I('null prototype with enumerable tag', Object.assign(Object.create(null), { [Symbol.toStringTag]: 'Own', a: 1 }));
I('many keys', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i])));
I('sorted', { c: 1, a: 2, b: { z: 1, y: 2 } }, { sorted: true });

// --- classes and prototypes ----------------------------------------------------------------
class Foo { constructor() { this.a = 1; } }
class Bar extends Foo { get computed() { return this.a + 1; } }
Bar.prototype.shared = 'proto value';
I('class instance', new Foo());
I('subclass instance', new Bar());
I('subclass showHidden', new Bar(), { showHidden: true });
I('subclass showHidden getters', new Bar(), { showHidden: true, getters: true });
I('anonymous class instance', new ([class {}][0])());
I('instance with tag', (() => { class Tagged { get [Symbol.toStringTag]() { return 'TG'; } } return new Tagged(); })());
I('instance tag equal to name', (() => { class Same { get [Symbol.toStringTag]() { return 'Same'; } } return new Same(); })());
I('constructor property overwritten', { constructor: 'nope', a: 1 });
I('prototype constructor removed', (() => { function P() {} P.prototype.constructor = undefined; return new P(); })());
I('prototype with constructor but not instance', Object.create({ constructor: function Imposter() {} }));
I('Object.create(Map.prototype)', Object.create(Map.prototype));
I('array with Object.prototype', Object.setPrototypeOf([1, 2], Object.prototype));
I('date with Object.prototype', Object.setPrototypeOf(new Date(0), Object.prototype));

// --- getters ------------------------------------------------------------------------------------
const withGetters = {
  get plain() { return 1; },
  get obj() { return { x: [1, 2] }; },
  get nul() { return null; },
  get throws() { throw new Error('getter failed'); },
  get both() { return 'b'; },
  set both(v) {},
  set onlySetter(v) {},
};
I('getters default', withGetters);
I('getters true', withGetters, { getters: true });
I('getters get', withGetters, { getters: 'get' });
I('getters set', withGetters, { getters: 'set' });

// --- functions and classes -------------------------------------------------------------------------
I('named function', function foo() {});
I('anonymous function', [function () {}][0]);
I('arrow', () => {});
I('async', async function af() {});
I('generator', function* gen() {});
I('async generator', async function* agen() {});
I('bound', function bf() {}.bind(null));
I('class', class A {});
I('class extends', (() => { class A {} return class B extends A {}; })());
I('anonymous class', [class {}][0]);
I('class extends null', class N extends null {});
I('class with statics', class S { static x = 1; static y = { z: [1, 2] }; static m() {} });
I('function with props', Object.assign(function f() {}, { a: 1, b: 'two' }));
I('function null prototype', (() => { const f = function np() {}; Object.setPrototypeOf(f, null); return f; })());
I('function renamed', (() => { const f = function orig() {}; Object.defineProperty(f, 'name', { value: 'renamed' }); return f; })());
I('function showHidden', function sh(a, b) {}, { showHidden: true });
I('class showHidden', class SH { m() {} }, { showHidden: true });
I('method named class', ({ class() {} }).class);
I('functions colors', [function a() {}, class B {}, Object.assign(() => {}, { p: 1 })], { colors: true });

// --- boxed primitives, dates, regexps ----------------------------------------------------------------
I('boxed', [new Number(3), new Number(-0), new String('ab'), new Boolean(false), Object(1n), Object(Symbol('s'))]);
I('boxed with props', Object.assign(new String('ab'), { x: 1 }));
I('boxed string showHidden', new String('ab'), { showHidden: true });
I('boxed colors', [new Number(1), new String('s')], { colors: true });
I('dates', [new Date(0), new Date(Date.UTC(2024, 1, 29, 12, 34, 56, 789)), new Date(NaN)]);
I('date with props', Object.assign(new Date(86400000), { note: 'n' }));
I('date subclass', (() => { class MyDate extends Date {} return new MyDate(0); })());
I('regexps', [/abc/gi, new RegExp('a/b\\d+', 'msuy'), /[/]\//]);
I('regexp with props', Object.assign(/x/, { extra: 1 }));
I('regexp null prototype', Object.setPrototypeOf(/np/g, null));
I('dates and regexps colors', [new Date(0), /r/], { colors: true });

// --- promises and proxies ------------------------------------------------------------------------------
const rejected = Promise.reject(3);
rejected.catch(() => {});
I('promises', [Promise.resolve(1), new Promise(() => {}), rejected, Promise.resolve({ a: [1] })]);
I('promise with props', Object.assign(Promise.resolve(2), { tag: 'x' }));
I('promise colors', [Promise.resolve('ok'), rejected], { colors: true });
const target = { real: 1 };
const proxy = new Proxy(target, { get() { return 'trapped'; } });
I('proxy', proxy);
I('proxy showProxy', proxy, { showProxy: true });
I('proxy of function', new Proxy(function pf() {}, {}));
I('proxy of proxy showProxy', new Proxy(new Proxy({}, {}), {}), { showProxy: true });
I('revoked proxy', (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })());
I('proxy showProxy depth 0', { p: new Proxy([1, 2], {}) }, { showProxy: true, depth: 0 });

// --- custom inspect -------------------------------------------------------------------------------------
I('custom string', { [custom]() { return 'CUSTOM'; } });
I('custom object', { [custom]() { return { replaced: true }; } });
I('custom nested multi-line', { a: { b: { [custom]() { return 'line1\nline2'; } } } });
I('custom depth and options', { x: { [custom](depth, options) { return `depth=${depth} opts.depth=${options.depth} compact=${options.compact}`; } } });
I('custom uses inspect', { [custom](depth, options, inspect) { return inspect({ x: 1, y: [1, 2] }, options); } });
I('custom stylize', { [custom](depth, options) { return options.stylize('special!', 'special'); } }, { colors: true });
I('custom user option', { [custom](depth, options) { return `user=${options.userOpt}`; } }, { userOpt: 'yes' });
I('custom returns this', { v: 1, [custom]() { return this; } });
I('custom disabled', { a: 1, [custom]() { return 'no'; } }, { customInspect: false });
I('custom on class', (() => { class C { [custom]() { return 'C!'; } } return [new C(), C.prototype]; })());
I('custom null prototype', Object.assign(Object.create(null), { [custom](d, o) { return `proto=${Object.getPrototypeOf(o)}`; } }));

// --- circular --------------------------------------------------------------------------------------------
I('circular', (() => { const a = { name: 'a' }; a.self = a; return a; })());
I('circular multi', (() => { const a = { x: 1 }; const b = { a }; a.b = b; b.b = b; const c = [a, b]; c.push(c); return c; })());
I('circular compact true', (() => { const a = { n: 1 }; a.a = a; return a; })(), { compact: true });
I('shared, not circular', (() => { const s = { s: 1 }; return { a: s, b: s }; })());

// --- arguments -------------------------------------------------------------------------------------------
I('arguments', (function () { return arguments; })(1, 'a'));
I('empty arguments', (function () { return arguments; })());
I('strict arguments showHidden', (function () { 'use strict'; return arguments; })(1), { showHidden: true });
