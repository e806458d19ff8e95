// Transferring an ArrayBuffer detaches it in the sender: byteLength 0, views become empty.
const { port1, port2 } = new MessageChannel();

const buf = new ArrayBuffer(16);
const u8 = new Uint8Array(buf);
const f64 = new Float64Array(buf);
u8.fill(7);
port1.postMessage({ buf }, [buf]);
console.log('buf.byteLength', buf.byteLength);
console.log('u8', u8.length, u8.byteLength, u8.byteOffset, u8[0]);
console.log('f64', f64.length);
console.log(buf);
try {
  new Uint8Array(buf);
  console.log('no error');
} catch (e) {
  console.log('new view on detached:', e.name, e.message);
}
console.log('slice of detached throws?', (() => { try { buf.slice(0); return 'no'; } catch (e) { return e.name; } })());
port2.once('message', ({ buf: got }) => {
  console.log('receiver', got.byteLength, [...new Uint8Array(got)].every((x) => x === 7));
  port2.close();
});
