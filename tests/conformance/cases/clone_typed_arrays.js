// Every TypedArray kind clones with its type, values, offset and length.
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
for (const T of kinds) {
  const big = T.name.startsWith('Big');
  const src = new T(big ? [0n, -1n, 2n ** 40n] : [0, -1, 300, 1.5]);
  const c = structuredClone(src);
  console.log(c.constructor.name, c !== src, c.length, c.byteLength, c);
}
// A view into the middle of a larger buffer keeps the whole buffer and its offset.
const buf = new ArrayBuffer(16);
const mid = new Int16Array(buf, 4, 3);
mid.set([-1, 2, -3]);
const cm = structuredClone(mid);
console.log(cm, cm.byteOffset, cm.length, cm.buffer.byteLength);
const f = structuredClone(new Float64Array([-0, NaN, Infinity]));
console.log(Object.is(f[0], -0), Number.isNaN(f[1]), f[2]);
console.log(structuredClone(new Uint8Array(0)), structuredClone({ t: new Float32Array([0.1]) }));
