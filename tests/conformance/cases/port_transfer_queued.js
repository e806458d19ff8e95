// Messages already queued on a port follow it when it is transferred, in order,
// followed by messages sent after the transfer.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  for (let i = 0; i < 5; i++) port1.postMessage('before ' + i);
  const w = new Worker(__filename);
  w.postMessage({ port: port2 }, [port2]);
  for (let i = 0; i < 5; i++) port1.postMessage('after ' + i);
  port1.postMessage('end');
  w.on('message', (list) => console.log('worker received', list));
  w.on('exit', (code) => console.log('exit', code));
} else {
  parentPort.once('message', ({ port }) => {
    const got = [];
    port.on('message', (m) => {
      if (m === 'end') {
        parentPort.postMessage(got);
        port.close();
      } else {
        got.push(m);
      }
    });
  });
}
