// structuredClone of primitives, including -0, NaN, Infinity and unusual strings.
const values = [undefined, null, true, false, 0, -0, 1.5, -2e308, NaN, Infinity, -Infinity,
  Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 2 ** 31, -(2 ** 31) - 1,
  '', 'ascii', 'ünïcödé', '😀 astral', 'nul\0inside', 'lone \ud800 surrogate', 'x'.repeat(1000)];
for (const v of values) {
  const c = structuredClone(v);
  let shown = c;
  if (Object.is(c, -0)) shown = '-0';
  else if (typeof c === 'string') shown = c.length > 50 ? `<${c.length} chars>` : JSON.stringify(c);
  console.log(typeof c, Object.is(c, v), shown);
}
const long = 'ab'.repeat(50000);
console.log('long string', structuredClone(long) === long);
console.log('lone surrogate kept', structuredClone('\udc00').charCodeAt(0).toString(16));
