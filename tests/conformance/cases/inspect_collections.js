'use strict';
// util.inspect on arrays (holes, limits, column grouping), typed arrays,
// ArrayBuffer/SharedArrayBuffer/DataView, Map/Set, their iterators and the
// weak collections. Deterministic output only.
const util = require('util');

const I = (label, value, opts) => console.log(`## ${label}\n${opts === undefined ? util.inspect(value) : util.inspect(value, opts)}`);
const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));

// --- arrays -------------------------------------------------------------------
I('empty', []);
I('small', [1, 'two', [3], { four: 4 }]);
I('holes', [1, , 3, , , 6]); // eslint-disable-line no-sparse-arrays
I('only holes', new Array(5));
I('trailing hole', (() => { const a = [1, 2]; a.length = 3; return a; })());
I('sparse large', (() => { const a = []; a[3] = 'x'; a[150] = 'y'; return a; })());
for (const max of [0, 1, 2, 3, 5]) I(`holes maxArrayLength ${max}`, [1, , , 4, , 6, 7, , , , 11], { maxArrayLength: max }); // eslint-disable-line no-sparse-arrays
I('extra properties', Object.assign([1, 2], { foo: 'bar', '-1': 5, [Symbol('s')]: 1 }));
I('showHidden', [1, 2], { showHidden: true });
I('subclass', (() => { class MyArr extends Array {} return MyArr.from([1, 2, 3]); })());
I('null prototype', Object.setPrototypeOf([1, 2], null));
I('120 numbers', range(120));
I('26 letters', range(26, (i) => String.fromCharCode(97 + i)));
I('mixed widths', [1, 22, 333, 4444, 55555, 666666, 7777777, 88888888, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
I('floats', range(30, (i) => i * 1.25 - 10));
I('bigints', range(10, (i) => BigInt(i) ** 10n));
I('strings of growing length', range(16, (i) => 'w'.repeat(i % 7 + 1)));
I('wide characters', ['日本', '中文字符', 'ab', '😀😀', 'é', 'xyz', 'hello', '한국어']);
I('exactly six', [1, 2, 3, 4, 5, 6]);
I('seven objects', range(7, (i) => ({ id: i })));
I('nested grouping', { inner: { list: range(40, (i) => i * 11) } });
for (const bl of [30, 60, 120]) I(`grouping breakLength ${bl}`, range(25, (i) => i * 7), { breakLength: bl });
for (const c of [1, 2, 4]) I(`grouping compact ${c}`, range(25, (i) => i * 7), { compact: c });
I('grouping with limit', range(30, (i) => i * 3), { maxArrayLength: 10 });
I('grouping colors', range(20, (i) => (i % 2 ? i : `s${i}`)), { colors: true });
I('maxArrayLength 0', [1, 2, 3], { maxArrayLength: 0 });
I('maxArrayLength null', range(105), { maxArrayLength: null });
I('depth', [[[[[1]]]]]);
I('depth 0', [[1], { a: 1 }, []], { depth: 0 });

// --- typed arrays and buffers ------------------------------------------------------
I('Uint8Array', new Uint8Array([1, 2, 3]));
I('Float64Array', new Float64Array([1.5, -0, NaN, Infinity]));
I('BigInt64Array', new BigInt64Array([1n, -2n]));
I('empty Int8Array', new Int8Array(0));
I('Uint16Array grouping', Uint16Array.from({ length: 40 }, (_, i) => i * 997));
I('Uint8Array 200', new Uint8Array(200));
I('typed array props', Object.assign(new Uint8Array(2), { foo: 1 }));
I('typed array showHidden', new Int32Array([5, 6]), { showHidden: true });
I('typed array subclass', (() => { class MyU8 extends Uint8Array {} return new MyU8(2); })());
I('typed array null prototype', Object.setPrototypeOf(new Int16Array([1, 2]), null));
I('subarray', new Uint8Array([1, 2, 3, 4]).subarray(1, 3));
I('typed numericSeparator', new Uint32Array([1000, 1000000]), { numericSeparator: true });
I('ArrayBuffer', new Uint8Array([1, 2, 255]).buffer);
I('ArrayBuffer empty', new ArrayBuffer(0));
I('ArrayBuffer 120', new ArrayBuffer(120));
I('ArrayBuffer limited', new ArrayBuffer(10), { maxArrayLength: 3 });
I('ArrayBuffer props', Object.assign(new ArrayBuffer(3), { x: 1 }));
I('SharedArrayBuffer', (() => { const s = new SharedArrayBuffer(4); new Uint8Array(s)[0] = 255; return s; })());
I('DataView', new DataView(new ArrayBuffer(4), 1, 2));
I('DataView showHidden', new DataView(new ArrayBuffer(2)), { showHidden: true });
I('buffers colors', [new Uint8Array(2).buffer, new Int8Array([1, -1])], { colors: true });

// --- Map and Set ------------------------------------------------------------------------
I('empty map', new Map());
I('map', new Map([['a', 1], ['b', { c: 2 }]]));
I('map object keys', new Map([[{ k: 1 }, [1, 2]], [null, undefined], [Symbol('s'), 1n]]));
I('nested map', new Map([['m', new Map([['x', new Map([['y', new Map([['z', 1]])]])]])]]));
I('map 120', new Map(range(120, (i) => [i, `v${i}`])));
I('map extra props', Object.assign(new Map([[1, 2]]), { extra: true }));
I('map subclass', (() => { class MyMap extends Map {} return new MyMap([[1, 2]]); })());
I('map subclass tag', (() => { class TM extends Map { get [Symbol.toStringTag]() { return 'TM'; } } return new TM([[1, 2]]); })());
I('map null prototype', Object.setPrototypeOf(new Map([[1, 2]]), null));
I('map circular', (() => { const m = new Map(); m.set('self', m); m.set(m, 'key'); return m; })());
I('map limited', new Map(range(5, (i) => [i, i])), { maxArrayLength: 2 });
I('map sorted', new Map([['z', 1], ['a', 2], ['m', 3]]), { sorted: true });
I('map compact false', new Map([['a', [1, 2]]]), { compact: false });
I('map colors', new Map([['a', 1], [2, null]]), { colors: true });
I('empty set', new Set());
I('set', new Set([1, 'two', { three: 3 }, [4]]));
I('set 30', new Set(range(30)));
I('set subclass', (() => { class MySet extends Set {} return new MySet([1]); })());
I('set null prototype', Object.setPrototypeOf(new Set([1]), null));
I('set sorted comparator', new Set(['b', 'c', 'a']), { sorted: (a, b) => (a < b ? 1 : -1) });
I('set circular', (() => { const s = new Set(); s.add(s); return s; })());
I('set depth 0', { s: new Set([1]), m: new Map([[1, 1]]) }, { depth: 0 });

// --- iterators and weak collections ------------------------------------------------------
I('map keys', new Map([['a', 1], ['b', 2]]).keys());
I('map values', new Map([['a', { v: 1 }]]).values());
I('map entries', new Map([['a', 1], ['b', 2]]).entries());
I('set values', new Set([1, 2]).values());
I('set entries', new Set([1, 2]).entries());
I('partially consumed', (() => { const it = new Map([[1, 2], [3, 4]])[Symbol.iterator](); it.next(); return it; })());
I('empty iterator', new Map().values());
I('iterator limited', new Set(range(10)).values(), { maxArrayLength: 3 });
I('iterator in object', { it: new Map([[1, [1, 2]]]).entries() });
I('array iterator (opaque)', [1, 2][Symbol.iterator]());
const keep = [{ a: 1 }, { b: 2 }, [3]];
I('weakmap', new WeakMap([[keep[0], 1]]));
I('weakset', new WeakSet([keep[1]]));
// One entry each: a weak collection's entries come in its hash table's
// order, which follows identity hashes (random per isolate).
I('weakmap showHidden', new WeakMap([[keep[0], 'x']]), { showHidden: true });
I('weakset showHidden', new WeakSet([keep[2]]), { showHidden: true });
