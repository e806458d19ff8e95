// Transferring the buffer of a TypedArray sent in the message moves the whole buffer.
const { port1, port2 } = new MessageChannel();

const buf = new ArrayBuffer(8);
const view = new Uint16Array(buf, 2, 2);
view.set([0xbeef, 0xcafe]);
port1.postMessage(view, [view.buffer]);
console.log('sender view', view.length, view.byteOffset, 'buffer', buf.byteLength);
port2.once('message', (v) => {
  console.log(v.constructor.name, v.length, v.byteOffset, v.buffer.byteLength, v[0].toString(16), v[1].toString(16));
  port2.close();
});
try {
  port1.postMessage(null, [new Uint8Array(2)]);
} catch (e) {
  console.log('a view in the transfer list:', e.name, e.code, e.message);
}
