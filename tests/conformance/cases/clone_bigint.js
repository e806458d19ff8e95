// BigInt values and boxed BigInts survive cloning exactly.
const values = [0n, 1n, -1n, 2n ** 64n, -(2n ** 64n) - 1n, 2n ** 1000n + 12345n, BigInt(Number.MAX_SAFE_INTEGER) + 2n];
for (const v of values) {
  const c = structuredClone(v);
  console.log(typeof c, c === v, c.toString(36).slice(0, 20));
}
const boxed = structuredClone(Object(-5n));
console.log(typeof boxed, Object.prototype.toString.call(boxed), boxed.valueOf());
console.log(structuredClone({ big: [1n, { deep: -3n }] }));
