// process.on('uncaughtException') inside a worker prevents the 'error' event.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  process.on('uncaughtException', (e) => {
    parentPort.postMessage('worker handled: ' + e.message);
  });
  setTimeout(() => { throw new Error('inside worker timer'); }, 1);
`, { eval: true });
w.on('message', (m) => console.log(m));
w.on('error', (e) => console.log('error event (wrong)', e.message));
w.on('exit', (code) => console.log('exit', code));
