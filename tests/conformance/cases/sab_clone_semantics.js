// SharedArrayBuffer: structuredClone shares memory; it cannot be transferred.
const sab = new SharedArrayBuffer(4);
const c = structuredClone(sab);
console.log(c instanceof SharedArrayBuffer, c === sab, c.byteLength);
new Uint8Array(sab)[0] = 200;
console.log('clone sees write', new Uint8Array(c)[0]);
const viewClone = structuredClone(new Int16Array(sab, 2, 1));
viewClone[0] = -2;
console.log('view clone shares memory', new Int16Array(sab)[1], Object.prototype.toString.call(viewClone.buffer));
try {
  structuredClone(sab, { transfer: [sab] });
  console.log('no error');
} catch (e) {
  console.log('transfer SAB:', e.name, e.code, e.message);
}
console.log(sab);
const { port1, port2 } = new MessageChannel();
port2.once('message', (m) => {
  new Uint8Array(m)[1] = 9;
  console.log('via port shares memory', new Uint8Array(sab)[1]);
  port2.close();
});
port1.postMessage(sab);
