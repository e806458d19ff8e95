// A transfer list given as a Proxy of an array is read through the iterator
// protocol, as Node reads any non-array iterable, and its buffers transfer.
'use strict';
const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
const traps = [];
const list = new Proxy([ab], {
  get(target, key, receiver) {
    traps.push(typeof key === 'symbol' ? key.toString() : key);
    return Reflect.get(target, key, receiver);
  },
});
port1.postMessage({ ab }, list);
console.log('sender byteLength after transfer:', ab.byteLength);
console.log('traps:', traps.join(' '));
port2.once('message', (m) => {
  console.log('received byteLength:', m.ab.byteLength);
  port1.close();
});
const ab2 = new ArrayBuffer(4);
port1.postMessage(ab2, { transfer: new Proxy([ab2], {}) });
console.log('options.transfer proxy, byteLength after:', ab2.byteLength);
