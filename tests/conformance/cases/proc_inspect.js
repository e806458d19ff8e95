// console.log of common values uses util.inspect formatting.
const util = require('util');

console.log([1, 'a', null, undefined, true, 3n, -0, Symbol('s')]);
console.log({ a: 1, 'b-c': 2, 3: 'num', nested: { x: { y: { z: { w: 1 } } } } });
console.log(new Map([['k', { v: 1 }]]), new Set([[1, 2]]));
console.log(new Array(150).fill(7));
console.log(['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20), 'd'.repeat(20)]);
console.log('top-level string', ['nested string with \'quote\'', "dq\"", `both ' "`]);
console.log(function named() {}, () => {}, class Foo {}, Math.max);
console.log(new Date(0), /re/g, new Error('shown with stack?').message);
console.log(Object.create(null), Object.assign(Object.create(null), { p: 1 }));
class Pt { constructor() { this.x = 1; } }
console.log(new Pt(), [new Pt()], { pt: new Pt() });
console.log(new Uint8Array([1, 2]), new ArrayBuffer(3), new DataView(new ArrayBuffer(1)));
console.log([undefined, , 3], { u: undefined }, [[[[[1]]]]]);
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), util.inspect('str'), util.inspect(5));
console.log(util.inspect({ a: [1, 2, 3] }, { compact: false }));
console.log(util.inspect(new Map([[1, 2]]), { showHidden: false }), util.inspect([1, 2, 3], { maxArrayLength: 1 }));
const circ = { name: 'c' };
circ.me = circ;
console.log(circ);
console.log(new Number(3), new String('box'), Object(1n), new Boolean(true));
console.log(Promise.resolve(4), Promise.reject(new Error('x')).catch(() => {}) && 'ok', new WeakMap());
console.log(Symbol.iterator, { [Symbol('k')]: 'sym value' });
console.log([1.5, -1e21, 1e-7, 2 ** 53]);
console.log({ 'key with space': 1, valid_id: 2, $dollar: 3, 'ünï': 4 });
