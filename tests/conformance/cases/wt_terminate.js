// terminate() on a running worker resolves to 1 and 'exit' fires with 1.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('ready');
  setInterval(() => {}, 1000);
`, { eval: true });

w.on('exit', (code) => console.log('exit event', code));
w.once('message', async (m) => {
  console.log('message', m);
  const p = w.terminate();
  console.log('terminate returns a promise', p instanceof Promise);
  const code = await p;
  console.log('terminate resolved', code);
  const again = await w.terminate();
  console.log('second terminate resolved', again);
});
