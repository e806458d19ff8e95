// A MessagePort transferred to a worker through postMessage keeps its channel.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ cmd: 'take', port: port2 }, [port2]);
  port1.on('message', (m) => {
    console.log('main port1 got', m);
    if (m.n === 3) {
      port1.postMessage('bye');
    }
  });
  // 'close' on port1 and the worker's 'exit' travel separately: wait for both.
  Promise.all([
    new Promise((r) => port1.on('close', r)),
    new Promise((r) => w.on('exit', r)),
  ]).then(([, code]) => console.log('port1 closed by worker; worker exit', code));
  port1.postMessage('hello from main');
} else {
  parentPort.once('message', ({ cmd, port }) => {
    port.on('message', (m) => {
      if (m === 'bye') {
        port.close();
        return;
      }
      for (let n = 1; n <= 3; n++) port.postMessage({ n, reply: m, cmd });
    });
  });
}
