// Delivery on a port is FIFO, also for many messages of mixed sizes.
const { port1, port2 } = new MessageChannel();

const N = 10000;
let next = 0;
let ok = true;
port2.on('message', (m) => {
  if (m.i !== next || m.pad.length !== (m.i % 7) * 100) ok = false;
  next++;
  if (next === N) {
    console.log('received', next, 'in order', ok);
    port2.close();
  }
});
for (let i = 0; i < N; i++) port1.postMessage({ i, pad: 'x'.repeat((i % 7) * 100) });
console.log('posted', N);
