// Messages posted before any listener is attached are queued, not lost.
const { port1, port2 } = new MessageChannel();

for (let i = 0; i < 5; i++) port1.postMessage('early ' + i);
setTimeout(() => {
  // The port was never started: everything is still queued.
  let n = 0;
  port2.on('message', (m) => {
    console.log(m);
    if (++n === 6) port2.close();
  });
  port1.postMessage('late');
}, 20);
