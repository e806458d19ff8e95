// The same ArrayBuffer twice in a transfer list throws and leaves the buffer attached.
const { port1, port2 } = new MessageChannel();

const buf = new ArrayBuffer(4);
try {
  port1.postMessage(buf, [buf, buf]);
  console.log('no error');
} catch (e) {
  console.log('postMessage:', e.name, e.code, e.message, e instanceof DOMException);
}
console.log('still attached', buf.byteLength);
try {
  structuredClone(buf, { transfer: [buf, buf] });
  console.log('no error');
} catch (e) {
  console.log('structuredClone:', e.name, e.code, e.message);
}
console.log('still attached', buf.byteLength);
const { port1: a } = new MessageChannel();
try {
  port1.postMessage(a, [a, a]);
  console.log('no error');
} catch (e) {
  console.log('duplicate port:', e.name, e.code, e.message);
}
port1.close();
a.close();
port2.close();
