// Sending or cloning an already-detached ArrayBuffer.
const { port1, port2 } = new MessageChannel();

const buf = new ArrayBuffer(4);
structuredClone(buf, { transfer: [buf] });
console.log('detached', buf.byteLength);
try {
  port1.postMessage(buf);
  console.log('no error');
} catch (e) {
  console.log('clone detached:', e.name, e.code, e.message);
}
try {
  structuredClone({ buf });
  console.log('no error');
} catch (e) {
  console.log('structuredClone detached:', e.name, e.message);
}
try {
  const out = structuredClone(buf, { transfer: [buf] });
  console.log('transfer detached again: no error, result byteLength', out.byteLength);
} catch (e) {
  console.log('transfer detached again:', e.name, e.message);
}
try {
  port1.postMessage(buf, [buf]);
  console.log('postMessage transferring detached: no error');
} catch (e) {
  console.log('postMessage transferring detached:', e.name, e.message);
}
port2.on('message', (m) => {
  console.log('received', m);
  port2.close();
});
