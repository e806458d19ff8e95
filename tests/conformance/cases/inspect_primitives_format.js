'use strict';
// util.inspect on primitives and strings, and util.format / formatWithOptions
// with every directive. Deterministic: no stack traces, paths or timings.
const util = require('util');

const show = (label, text) => console.log(`## ${label}\n${text}`);
const I = (label, value, opts) => show(label, opts === undefined ? util.inspect(value) : util.inspect(value, opts));
const F = (label, ...args) => show(label, util.format(...args));

// --- numbers, bigints, booleans, symbols ------------------------------------
for (const n of [0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, 1e21, 1e-7, 5e-324, 2 ** 53, 0.1 + 0.2]) I(`number ${n}`, n);
for (const n of [0, -0, 1234, -1234, 1234567.891, 0.0001234, -0.5, 1e-7, 5e-324, 1e20, 1e21, 123456.7, 100000.0001]) {
  I(`numericSeparator ${n}`, n, { numericSeparator: true });
}
for (const b of [0n, -1n, 123n, 1234n, -98765432109876543210n]) {
  I(`bigint ${b}`, b);
  I(`bigint separator ${b}`, b, { numericSeparator: true });
}
I('booleans, null, undefined', [true, false, null, undefined]);
I('symbols', [Symbol(), Symbol(''), Symbol('desc'), Symbol("it's"), Symbol('a\nb'), Symbol.iterator, Symbol.for('registered')]);
I('symbol keys', { [Symbol('k')]: 1, [Symbol("q'")]: 2, [Symbol('n\nl')]: 3, [Symbol.toPrimitive]: 4 });

// --- strings ------------------------------------------------------------------
I('empty string', '');
I('plain', 'hello');
I('single quote inside', "it's");
I('double quote inside', 'say "hi"');
I('both quotes', 'it\'s "q"');
I('all three quotes', 'it\'s "q" `b`');
I('quotes and ${', 'it\'s "q" ${x}');
I('escapes', 'tab\there\r\nnull\0bell\x07esc\x1b del\x7f c1\x9f nbsp\xa0 back\\slash');
I('lone surrogates', 'a\ud800b\udc00c😀');
I('control chars 0..31', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''));
I('unicode', 'üñí©ødé 日本語 한국어 😀👍🏽');
I('long single line', 'x'.repeat(120));
I('long multi-line', `first line of text\nsecond line, rather longer than the first one was\nthird\n`);
I('long multi-line nested', { a: { b: `${'alpha '.repeat(8)}\n${'beta '.repeat(8)}\n${'gamma '.repeat(3)}` } });
I('multi-line in array', ['short', `${'x'.repeat(30)}\n${'y'.repeat(30)}\n${'z'.repeat(30)}`]);
I('multi-line compact true', `${'x'.repeat(40)}\n${'y'.repeat(40)}`, { compact: true });
I('multi-line breakLength 200', `${'x'.repeat(40)}\n${'y'.repeat(40)}`, { breakLength: 200 });
for (const m of [0, 1, 5, 26, null, Infinity]) I(`maxStringLength ${m}`, 'abcdefghijklmnopqrstuvwxyz', { maxStringLength: m });
I('maxStringLength nested', { s: 'abcdefghij', list: ['klmnopqrst', 'uv'] }, { maxStringLength: 3 });
I('maxStringLength multi-line', `${'x'.repeat(40)}\n${'y'.repeat(40)}\n${'z'.repeat(40)}`, { maxStringLength: 50 });
I('colors primitives', ['s', 1, -0, 2n, true, null, undefined, Symbol('c')], { colors: true });

// --- keys -----------------------------------------------------------------------
I('key quoting', { plain: 1, _u: 2, $d: 3, 'a-b': 4, 'a b': 5, "it's": 6, '1a': 7, 10: 8, 'ü': 9, '': 10, 'n\nl': 11, __proto__x: 12 });
I('__proto__ own key', JSON.parse('{"__proto__": {"x": 1}, "a": 2}'));

// --- util.format ------------------------------------------------------------------
F('%s string number bigint', '%s %s %s %s', 'str', 42, -0, 5n);
F('%s null undefined symbol', '%s %s %s', null, undefined, Symbol('s'));
F('%s objects', '%s | %s | %s', { a: { b: { c: 1 } } }, [1, [2, [3]]], new Map([[1, { x: 1 }]]));
F('%s with toString', '%s', { toString() { return 'custom toString'; } });
F('%s class with toString', '%s', new (class T { toString() { return 'T!'; } })());
F('%s class without toString', '%s', new (class Plain { constructor() { this.p = 1; } })());
F('%s date', '%s', new Date(0));
F('%s function', '%s', function named(a) { return a; });
F('%s null prototype', '%s', Object.assign(Object.create(null), { k: 'v' }));
F('%d', '%d %d %d %d %d %d', '42', 1.5, -0, {}, 10n, Symbol('x'));
F('%i', '%i %i %i %i', 42.9, '0x10', '  7abc', 3n);
F('%f', '%f %f %f', '1.5e3', 'abc', Symbol('y'));
F('%j', '%j %j %j', { a: [1, 2] }, 'str', undefined);
F('%j circular', '%j', (() => { const o = {}; o.o = o; return o; })());
F('%j toJSON', '%j', { toJSON() { return { replaced: true }; } });
F('%o', '%o', { a: [1, 2], f: function f(x) {} });
F('%o nested', '%o', { a: { b: { c: { d: { e: { f: 1 } } } } } });
F('%O', '%O', { a: 1, b: { c: { d: { e: 1 } } } });
F('%c', '%cstyled%c', 'color: red', 'color: blue');
F('%%', '100%% %s', 'done');
F('%% alone', '%%');
F('lone percent', '100%', 1);
F('unknown directive', '%x %s', 1);
F('too few args', '%s %s %d', 'only');
F('too many args', '%s', 'a', 'b', { c: 2 }, [3], 4n);
F('non-string first', 42, 'x', { y: 1 });
F('object first', { a: 1 }, '%s', 'x');
F('no args');
F('single string with directive', 'just %s');
F('mixed console.log args', 'Value:', 42, 'str', null, undefined, [1, 2], new Map(), new Set([1]));
show('formatWithOptions colors', util.formatWithOptions({ colors: true }, '%s %d %o', 'a', 1, { b: [2] }, 'tail', 3));
show('formatWithOptions numericSeparator', util.formatWithOptions({ numericSeparator: true }, '%d %i %f %s', 12345.678, 12345.678, 12345.678, 1234567));
show('formatWithOptions depth 0', util.formatWithOptions({ depth: 0 }, 'x', { a: { b: 1 } }, [[1]]));
for (const bad of [null, undefined, 1, 'str', () => {}]) {
  try {
    util.formatWithOptions(bad, 'x');
  } catch (err) {
    show(`formatWithOptions invalid ${typeof bad}`, `${err.name} ${err.code}: ${err.message}`);
  }
}
