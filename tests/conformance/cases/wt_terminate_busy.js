// terminate() stops a worker spinning in a synchronous infinite loop.
const { Worker } = require('worker_threads');

const w = new Worker(`
  require('worker_threads').parentPort.postMessage('spinning');
  for (;;) {}
`, { eval: true });
w.once('message', async (m) => {
  console.log(m);
  console.log('terminated with', await w.terminate());
});
w.on('exit', (code) => console.log('exit', code));
