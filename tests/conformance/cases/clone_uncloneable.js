// Uncloneable values throw DataCloneError (a DOMException with code 25).
function f() {}
const cases = [
  ['function', () => 1],
  ['named function', f],
  ['class', class K {}],
  ['symbol', Symbol('sym')],
  ['WeakMap', new WeakMap()],
  ['WeakSet', new WeakSet()],
  ['WeakRef', new WeakRef({})],
  ['Promise', Promise.resolve(1)],
  ['nested function', { a: { b: [1, () => 2] } }],
  ['method', { m() {} }],
  ['Proxy', new Proxy({}, {})],
  ['generator', (function* g() {})()],
];
for (const [label, value] of cases) {
  try {
    structuredClone(value);
    console.log(label, 'cloned');
  } catch (e) {
    console.log(label, '->', e instanceof DOMException, e.name, e.code, e.message);
  }
}
