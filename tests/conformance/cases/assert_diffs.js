// assert.deepStrictEqual's line diff (Node's createErrDiff): long objects
// with lines skipped, nested arrays, Maps, Sets, strings with newlines;
// then an uncaught failure ends the script with code 1.
const assert = require('assert');
const big = (n, d) => Object.fromEntries(Array.from({ length: n }, (_, i) => ['k' + i, i === d ? 'changed' : i]));
for (const [a, b] of [[big(30, -1), big(30, 15)], [big(80, -1), big(80, 40)], [[1, [2, [3, 4]]], [1, [2, [3, 5]]]],
                      [new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])], [new Set([1, 2]), new Set([1, 3])],
                      ['a\nb\nc', 'a\nx\nc'], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]]]) {
  try { assert.deepStrictEqual(a, b); } catch (e) { console.log(e.message); console.log('---'); }
}
assert.strictEqual(1, 2);
