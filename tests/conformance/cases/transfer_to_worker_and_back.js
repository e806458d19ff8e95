// An ArrayBuffer moved to a worker and back: each side sees it detached after sending.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (buf) => {
    const u32 = new Uint32Array(buf);
    for (let i = 0; i < u32.length; i++) u32[i] *= 2;
    parentPort.postMessage(buf, [buf]);
    parentPort.postMessage('worker sees byteLength ' + buf.byteLength);
    parentPort.close();
  });
`, { eval: true });

const buf = new Uint32Array([1, 2, 3, 4]).buffer;
w.postMessage(buf, [buf]);
console.log('main after send', buf.byteLength);
w.on('message', (m) => console.log(m instanceof ArrayBuffer ? [...new Uint32Array(m)] : m));
w.on('exit', (code) => console.log('exit', code));
