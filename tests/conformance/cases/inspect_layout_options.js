'use strict';
// The layout option matrix: compact (false, true, 0..4), breakLength
// (including lines that land exactly on 72/76/80 columns), depth (numbers,
// null, Infinity), sorted, colors, showHidden, maxArrayLength, the legacy
// positional arguments and inspect.defaultOptions.
const util = require('util');

const I = (label, value, opts) => console.log(`## ${label}\n${opts === undefined ? util.inspect(value) : util.inspect(value, opts)}`);

const samples = {
  flat: () => ({ a: 1, b: 'two', c: [3, 4] }),
  deep: () => ({ a: { b: { c: { d: { e: { f: 1 } } } } } }),
  mixed: () => ({ list: [1, 2, { x: [3, 4] }], map: new Map([['k', { v: [1] }]]), set: new Set(['s']), str: 'text', n: null }),
  wide: () => ({ first: 'a'.repeat(30), second: 'b'.repeat(30), third: { inner: 'c'.repeat(30) } }),
  lastDeep: () => ({ shallow: 1, deep: { a: { b: { c: 1 } } } }),
  firstDeep: () => ({ deep: { a: { b: { c: 1 } } }, shallow: 1 }),
  numbers: () => Array.from({ length: 26 }, (_, i) => i * 37),
};
for (const [name, make] of Object.entries(samples)) {
  for (const compact of [false, true, 0, 1, 2, 3, 4]) {
    for (const breakLength of [40, 80, Infinity]) {
      I(`${name} compact=${compact} breakLength=${breakLength}`, make(), { compact, breakLength, depth: 6 });
    }
  }
}

// Lines right at the break length.
for (const bl of [72, 76, 80]) {
  for (let width = bl - 2; width <= bl + 2; width++) {
    I(`object line ${width} at breakLength ${bl}`, { k: 'v'.repeat(width - 14) }, { breakLength: bl });
    I(`array line ${width} at breakLength ${bl}`, ['v'.repeat(width - 8)], { breakLength: bl });
  }
}
for (let n = 56; n <= 66; n++) I(`two keys total ${n}`, { first: 'x'.repeat(n - 30), second: 'y'.repeat(10) });

// depth
const chain = (() => { let o = { leaf: true }; for (let i = 0; i < 7; i++) o = { [`l${i}`]: o }; return o; })();
for (const depth of [0, 1, 2, 5, null, Infinity, -1]) I(`depth ${depth}`, chain, { depth });
I('depth per type', { a: { b: { arr: [1], map: new Map([[1, 1]]), set: new Set([1]), date: new Date(0), re: /x/, fn() {}, err: Object.assign(new Error('e'), { stack: 'Error: e' }), cls: new (class K { constructor() { this.x = 1; } })(), ta: new Uint8Array(1) } } }, { depth: 1 });

// sorted, showHidden, colors, maxArrayLength
const rich = () => ({ zeta: 1, alpha: { c: 3, b: 2, a: 1 }, list: Object.assign([3, 1, 2], { z: 1, y: 2 }), map: new Map([['z', 1], ['a', 2]]), set: new Set(['b', 'a']) });
I('sorted true', rich(), { sorted: true });
I('sorted comparator', rich(), { sorted: (a, b) => (a < b ? 1 : a > b ? -1 : 0) });
I('showHidden', rich(), { showHidden: true });
I('colors', rich(), { colors: true });
I('colors sorted compact false', rich(), { colors: true, sorted: true, compact: false });
for (const max of [0, 1, 3, null]) I(`maxArrayLength ${max}`, { arr: [1, 2, 3, 4, 5], set: new Set([1, 2, 3, 4]), map: new Map([[1, 1], [2, 2]]), ta: new Uint8Array(5) }, { maxArrayLength: max });
I('breakLength 1', { a: [1, 2], b: { c: 'd' } }, { breakLength: 1 });
I('compact true long', { short: 1, long: 'z'.repeat(100), arr: Array.from({ length: 30 }, (_, i) => i), nested: { a: 'q'.repeat(90) } }, { compact: true });
I('numericSeparator', { n: 1234567.891, arr: [1000, 10000], big: 12345678901234567890n }, { numericSeparator: true });

// legacy positional arguments: inspect(value, showHidden, depth, colors)
console.log(`## legacy showHidden\n${util.inspect([1, { a: 1 }], true)}`);
console.log(`## legacy depth 0\n${util.inspect({ a: { b: 1 } }, false, 0)}`);
console.log(`## legacy depth null\n${util.inspect(chain, false, null)}`);
console.log(`## legacy colors\n${util.inspect({ a: [1, 'x'] }, false, 2, true)}`);

// inspect.defaultOptions
console.log(`## defaultOptions\n${util.inspect(util.inspect.defaultOptions)}`);
const saved = { ...util.inspect.defaultOptions };
util.inspect.defaultOptions = { depth: 0, breakLength: 30 };
console.log(`## defaultOptions changed\n${util.inspect({ a: { b: 1 }, c: 'long enough to break the line' })}`);
console.log(`## defaultOptions changed format\n${util.format('%s %o', { a: { b: 1 } }, [1, [2]])}`);
util.inspect.defaultOptions = saved;
console.log(`## defaultOptions restored\n${util.inspect({ a: { b: 1 } })}`);
for (const bad of [null, [], 'x']) {
  try {
    util.inspect.defaultOptions = bad;
  } catch (err) {
    console.log(`## defaultOptions invalid ${Array.isArray(bad) ? 'array' : typeof bad}\n${err.name} ${err.code}: ${err.message}`);
  }
}
console.log(`## custom symbol\n${String(util.inspect.custom)}`);
console.log(`## styles\n${util.inspect(util.inspect.styles)}`);
