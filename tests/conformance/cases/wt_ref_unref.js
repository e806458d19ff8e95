// unref() then ref() again keeps the process alive until the worker finishes.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', (m) => {
    parentPort.postMessage('finishing after ' + m);
  });
`, { eval: true });
w.unref();
w.ref();
w.unref();
w.ref();
w.on('online', () => {
  console.log('online');
  w.postMessage('go');
});
w.on('message', (m) => console.log('message', m));
w.on('exit', (code) => console.log('exit', code));
process.on('exit', (code) => console.log('process exit', code));
