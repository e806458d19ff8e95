// markAsUntransferable: in Node 20 a marked buffer listed for transfer is copied, not moved.
const { markAsUntransferable, MessageChannel } = require('worker_threads');

const buf = new ArrayBuffer(4);
new Uint8Array(buf).set([1, 2, 3, 4]);
markAsUntransferable(buf);
const { port1, port2 } = new MessageChannel();
try {
  port1.postMessage(buf, [buf]);
  console.log('postMessage did not throw; sender byteLength', buf.byteLength);
} catch (e) {
  console.log('postMessage threw', e.name, e.message);
}
try {
  const out = structuredClone(buf, { transfer: [buf] });
  console.log('structuredClone did not throw; copy', [...new Uint8Array(out)], 'sender byteLength', buf.byteLength);
} catch (e) {
  console.log('structuredClone threw', e.name, e.message);
}
// Marking other values is allowed and harmless; plain cloning still works.
markAsUntransferable({});
markAsUntransferable(5);
console.log('clone of marked buffer', structuredClone(buf).byteLength);
port2.once('message', (m) => {
  console.log('received', [...new Uint8Array(m)]);
  port2.close();
});
