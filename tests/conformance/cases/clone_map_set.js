// Map and Set clone with insertion order, any key types, and shared identities.
const objKey = { id: 1 };
const m = new Map([[1, 'num'], ['1', 'str'], [objKey, 'obj'], [NaN, 'nan'], [-0, 'zero'], [null, [1, 2]]]);
m.set('self', m);
const cm = structuredClone(m);
console.log(cm instanceof Map, cm.size, [...cm.keys()].map((k) => (typeof k === 'object' && k ? 'object' : k)));
console.log('self reference', cm.get('self') === cm, 'NaN key', cm.get(NaN), 'zero', cm.get(0));
console.log(new Map([...cm].filter(([k]) => k !== 'self')));

const s = new Set(['a', 1, 1n, objKey, objKey, undefined]);
const cs = structuredClone(s);
console.log(cs instanceof Set, cs.size, cs);
const both = structuredClone({ s, m, objKey });
console.log('shared key identity', [...both.s].includes(both.objKey), [...both.m.keys()].includes(both.objKey));
const extra = new Map();
extra.prop = 'dropped';
console.log('expando on Map kept', 'prop' in structuredClone(extra));
console.log(structuredClone(new Map([[new Set([1]), new Map([[2, 3]])]])));
