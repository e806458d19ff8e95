// The values most messages are made of (primitives, ordinary objects,
// class instances), and the neighbours that must still clone as V8 clones
// them: getters that change the object, __proto__ keys, index keys,
// repeated objects, exotic objects with a rewritten prototype. Through
// structuredClone and through a worker's port and back.
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');

function values() {
  class Point { constructor() { this.x = 1; this.y = 2; } }
  const shared = { s: 1 };
  const self = { name: 'cycle' };
  self.self = self;
  const n = Object.create(null);
  n.a = 1;
  const hidden = { a: 1 };
  Object.defineProperty(hidden, 'h', { value: 2, enumerable: false });
  const date = new Date(0);
  Object.setPrototypeOf(date, Object.prototype);
  return [
    undefined, null, true, false, 0, -0, NaN, -Infinity, 2 ** 31, -2147483648, 0.5, 'ready',
    'héllo', '😀 ✓', '',
    {}, { i: 7 }, { a: 1, b: 'two', c: null, d: undefined, e: -0, f: NaN },
    { nested: { deeper: { deepest: 'yes' } }, after: 1 },
    { 'key with spaces': 1, 'ключ': 2, '鍵': { '😀': 3 } },
    { ['__proto__']: 5 }, JSON.parse('{"__proto__": {"x": 1}}'),
    { __proto__: { inherited: 1 }, own: 2 },
    new Point(), n, hidden,
    { a: 1, get b() { delete this.c; return 2; }, c: 3 },
    { 2: 'two', 1: 'one', z: 'z' },
    { a: shared, b: shared }, self, date,
    { [Symbol('skipped')]: 1, kept: 2 },
    { deep: { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } } },
    { long: 'x'.repeat(5000) },
  ];
}

function describe(v) {
  if (typeof v !== 'object' || v === null) return v;
  const proto = Object.getPrototypeOf(v);
  const tag = proto === Object.prototype ? 'Object' : proto === null ? 'null' : proto.constructor.name;
  const parts = Object.keys(v).map((k) => {
    const x = v[k];
    if (x === v) return `${k}: [self]`;
    return `${k}: ${typeof x === 'object' && x !== null ? describe(x) : typeof x === 'string' ? (x.length > 50 ? `string(${x.length})` : JSON.stringify(x)) : Object.is(x, -0) ? '-0' : String(x)}`;
  });
  return `${tag} { ${parts.join(', ')} }`;
}

if (isMainThread) {
  const vs = values();
  for (const v of vs) {
    const c = structuredClone(v);
    console.log('clone', describe(c), typeof v === 'object' && v !== null ? c !== v : Object.is(c, v));
  }
  const shared = structuredClone(vs[28]);
  console.log('shared identity kept:', shared.a === shared.b);
  const cyc = structuredClone(vs[29]);
  console.log('cycle kept:', cyc.self === cyc);
  console.log('date stays a Date:', structuredClone(vs[30]) instanceof Date);
  const w = new Worker(__filename);
  let got = 0;
  w.on('message', (m) => {
    console.log('echo', describe(m));
    if (++got === vs.length) w.terminate();
  });
  for (const v of vs) w.postMessage(v);
} else {
  parentPort.on('message', (m) => parentPort.postMessage(m));
}
