// Boxed primitives (Number, String, Boolean, BigInt) clone as boxed objects.
const values = [new Number(42), new Number(-0), new Number(NaN), new String('boxed'), new String(''),
  new Boolean(true), new Boolean(false), Object(12n)];
for (const v of values) {
  const c = structuredClone(v);
  const inner = c.valueOf();
  console.log(typeof c, Object.prototype.toString.call(c), Object.is(inner, -0) ? '-0' : inner, c !== v);
}
console.log(structuredClone([new Number(1), new String('s'), new Boolean(false)]));
try {
  structuredClone(Object(Symbol('boxed symbol')));
  console.log('no error');
} catch (e) {
  console.log(e.name, e.message);
}
