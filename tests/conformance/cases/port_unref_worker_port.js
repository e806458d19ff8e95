// parentPort.unref() lets a worker that only waits for messages finish.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => console.log('worker never gets', m));
  parentPort.unref();
  parentPort.postMessage('worker ready');
`, { eval: true });
w.on('message', (m) => console.log('main got', m));
w.on('exit', (code) => console.log('worker exit', code));
