// process.on('exit') inside a worker runs with the worker's exit code.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  process.on('exit', (code) => {
    parentPort.postMessage('worker exit handler ' + code);
  });
  parentPort.once('message', (n) => process.exit(n));
`, { eval: true });
w.on('message', (m) => console.log('message', m));
w.on('exit', (code) => console.log('exit', code));
w.postMessage(4);
