// util.isDeepStrictEqual over pairs that tell a real comparison from an
// approximation (it compared inspect() output, which shortens long arrays
// and strings).
const { isDeepStrictEqual: eq } = require('util');
const big = () => new Array(1000).fill(0);
const b2 = big(); b2[500] = 1;
const cyc1 = { a: 1 }; cyc1.self = cyc1;
const cyc2 = { a: 1 }; cyc2.self = cyc2;
const cyc3 = { a: 1 }; cyc3.self = { a: 1, self: cyc3 };
const sym = Symbol('s');
class P { constructor() { this.x = 1; } }
const f = () => 1, g = () => 1;
const withExtra = [1, 2]; withExtra.extra = true;
const withExtra2 = [1, 2]; withExtra2.extra = true;
const pairs = [
  [1, 1], [1, '1'], [0, -0], [NaN, NaN], [null, undefined], ['a', 'a'], [1n, 1n], [sym, sym],
  [big(), big()], [big(), b2], ['x'.repeat(20000), 'x'.repeat(19999) + 'y'],
  [{ a: 1, b: 2 }, { b: 2, a: 1 }], [{ a: 1 }, { a: 1, b: undefined }], [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }],
  [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }], [[1, , 3], [1, undefined, 3]], [[1, , 3], [1, , 3]],
  [withExtra, withExtra2], [withExtra, [1, 2]], [new P(), { x: 1 }], [new P(), new P()],
  [Object.create(null), {}], [{ [sym]: 1 }, { [sym]: 1 }], [{ [sym]: 1 }, {}],
  [new Date(0), new Date(0)], [new Date(0), new Date(1)], [/a/g, /a/g], [/a/g, /a/i],
  [new Error('x'), new Error('x')], [new Error('x'), new TypeError('x')], [new Error('x'), new Error('y')],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2])], [new Uint8Array([1, 2]), new Int8Array([1, 2])],
  [new Float64Array([0]), new Float64Array([-0])], [new ArrayBuffer(4), new ArrayBuffer(4)],
  [new Set([1, 2]), new Set([2, 1])], [new Set([{ a: 1 }]), new Set([{ a: 1 }])], [new Set([{ a: 1 }]), new Set([{ a: 2 }])],
  [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Map([[{ k: 1 }, 'a'], [{ k: 1 }, 'b']]), new Map([[{ k: 1 }, 'b'], [{ k: 1 }, 'a']])],
  [new Map([[1, 2]]), new Map([[1, 3]])], [new Number(1), new Number(1)], [new Number(1), new Number(2)],
  [new String('a'), 'a'], [Object(1n), Object(1n)], [f, g], [f, f], [cyc1, cyc2], [cyc1, cyc3],
  [[cyc1], [cyc2]], [new WeakMap(), new WeakMap()], [Promise.resolve(1), Promise.resolve(1)],
  [{ a: f }, { a: g }], [[1, 2, 3], { 0: 1, 1: 2, 2: 3, length: 3 }], [(function () { return arguments; })(1), [1]],
];
console.log(pairs.map(([a, b]) => (eq(a, b) ? 'T' : 'F')).join(''));
