// process.exitCode set in a worker becomes the worker's exit code when it ends naturally.
const { Worker } = require('worker_threads');

const w = new Worker(`
  process.exitCode = 9;
  setTimeout(() => { require('worker_threads').parentPort.postMessage('done'); }, 5);
`, { eval: true });
w.on('message', (m) => console.log('message', m));
w.on('exit', (code) => {
  console.log('exit', code);
  console.log('main process.exitCode', process.exitCode);
});
