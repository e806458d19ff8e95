// Plain objects: own enumerable string keys in order; symbols, non-enumerables and prototypes are not kept.
const sym = Symbol('s');
const src = { b: 1, a: 2, 10: 'ten', 2: 'two', [sym]: 'symbol-keyed', nested: { x: { y: { z: 1 } } } };
Object.defineProperty(src, 'hidden', { value: 'non-enumerable', enumerable: false });
Object.defineProperty(src, 'computed', { get() { return 'from getter'; }, enumerable: true });
const c = structuredClone(src);
console.log(c);
console.log(Object.keys(c));
console.log('symbol kept', sym in c, 'hidden kept', 'hidden' in c);
console.log('getter became data property', Object.getOwnPropertyDescriptor(c, 'computed'));
const nullProto = Object.create(null);
nullProto.k = 'v';
const cn = structuredClone(nullProto);
console.log(Object.getPrototypeOf(cn) === Object.prototype, cn);
const frozen = Object.freeze({ f: 1 });
console.log('frozen stays frozen', Object.isFrozen(structuredClone(frozen)));
console.log(structuredClone({ __proto__: { inherited: 1 }, own: 2 }));
