// Many buffers and ports in one transfer list, some not referenced by the message.
const { port1, port2 } = new MessageChannel();

const bufs = [1, 2, 3].map((n) => new Uint8Array([n, n, n]).buffer);
const extra = new ArrayBuffer(5);
const inner = new MessageChannel();
port1.postMessage({ bufs, port: inner.port1, again: bufs[0] }, [...bufs, extra, inner.port1]);
console.log('sender', bufs.map((b) => b.byteLength), extra.byteLength);
port2.once('message', (m) => {
  console.log('receiver', m.bufs.map((b) => [...new Uint8Array(b)]), m.again === m.bufs[0]);
  m.port.on('message', (x) => {
    console.log('inner', x);
    m.port.close();
    port2.close();
  });
  inner.port2.postMessage('via inner');
});
