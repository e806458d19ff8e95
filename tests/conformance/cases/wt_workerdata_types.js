// workerData carries every structured-cloneable type into the worker.
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

if (isMainThread) {
  const shared = { shared: true };
  const data = {
    undef: undefined, nul: null, t: true, f: false,
    int: 42, float: -1.5, negZero: -0, nan: NaN, inf: -Infinity,
    big: 12345678901234567890n, str: 'héllo ✓ 😀',
    date: new Date(Date.UTC(2020, 1, 29, 12, 30)),
    re: /ab+c/gi,
    arr: [1, , 3],
    map: new Map([['k', 1], [2, { v: 2 }]]),
    set: new Set([1, 'a', shared]),
    ab: new Uint8Array([1, 2, 3]).buffer,
    u16: new Uint16Array([65535, 1]),
    f64: new Float64Array([0.5, -0]),
    dv: new DataView(new Uint8Array([9, 8, 7]).buffer, 1),
    err: new TypeError('bad type'),
    boxed: [new Number(3), new String('s'), new Boolean(false), Object(7n)],
    nested: { a: { b: { c: [shared, shared] } } },
  };
  data.self = data;
  const w = new Worker(__filename, { workerData: data });
  w.on('message', (m) => console.log(m));
} else {
  const d = workerData;
  const out = {};
  for (const key of Object.keys(d)) {
    const v = d[key];
    out[key] = v === null ? 'null' : typeof v === 'object' ? Object.prototype.toString.call(v) : typeof v;
  }
  parentPort.postMessage(out);
  parentPort.postMessage({
    negZero: Object.is(d.negZero, -0), nan: Number.isNaN(d.nan), big: d.big,
    date: d.date.toISOString(), re: [d.re.source, d.re.flags],
    holes: [0 in d.arr, 1 in d.arr, 2 in d.arr, d.arr.length],
    map: [...d.map], set: [...d.set],
    ab: [...new Uint8Array(d.ab)], u16: d.u16, f64: [Object.is(d.f64[1], -0), d.f64[0]],
    dv: [d.dv.byteOffset, d.dv.byteLength, d.dv.getUint8(0)],
    err: [d.err instanceof TypeError, d.err.name, d.err.message],
    boxed: d.boxed.map((b) => [typeof b, b.valueOf()]),
    sharedIdentity: d.nested.a.b.c[0] === d.nested.a.b.c[1] && d.set.has(d.nested.a.b.c[0]),
    cycle: d.self === d,
    str: d.str,
  });
}
