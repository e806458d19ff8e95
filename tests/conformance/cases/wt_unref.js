// An unref'ed worker that would run forever does not keep the process alive.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('started');
  setInterval(() => {}, 1000);
`, { eval: true });
w.on('exit', (code) => console.log('exit event should not be printed', code));
w.once('message', (m) => {
  console.log('worker', m);
  w.unref();
  console.log('unref called; main has nothing else to do');
});
process.on('exit', (code) => console.log('process exit', code));
