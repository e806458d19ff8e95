// postMessage to a worker that has exited is silently ignored; terminate() then resolves undefined.
const { Worker } = require('worker_threads');

const w = new Worker('0', { eval: true });
w.on('exit', async (code) => {
  console.log('exit', code);
  w.postMessage('into the void');
  w.postMessage({ with: [new ArrayBuffer(1)] });
  console.log('postMessage after exit did not throw');
  console.log('terminate after exit', await w.terminate());
  w.ref();
  w.unref();
  console.log('ref/unref after exit are fine');
});
