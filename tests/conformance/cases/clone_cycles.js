// Cyclic and shared references are preserved within one cloned value.
const a = { name: 'a' };
const b = { name: 'b', a };
a.b = b;
a.self = a;
a.list = [a, b, a];
const c = structuredClone(a);
console.log(c !== a, c.self === c, c.b.a === c, c.list[0] === c, c.list[1] === c.b, c.list[2] === c);
console.log(c);

const arr = [];
arr.push(arr, { arr });
const ca = structuredClone(arr);
console.log(ca[0] === ca, ca[1].arr === ca, ca);

const shared = { v: 1 };
const tree = { left: { leaf: shared }, right: { leaf: shared } };
const ct = structuredClone(tree);
console.log('shared leaf', ct.left.leaf === ct.right.leaf, ct.left.leaf !== shared);

// Through a MessagePort as well.
const { port1, port2 } = new MessageChannel();
port2.once('message', (m) => {
  console.log('via port', m.self === m, m.b.a === m, m.list.length);
  port2.close();
});
port1.postMessage(a);
