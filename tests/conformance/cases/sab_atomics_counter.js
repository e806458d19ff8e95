// Atomics.add from 4 workers on one shared counter gives the exact total.
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

const WORKERS = 4;
const ITERS = 100000;
if (isMainThread) {
  const sab = new SharedArrayBuffer(8);
  const counter = new Int32Array(sab);
  const exits = [];
  for (let i = 0; i < WORKERS; i++) {
    const w = new Worker(__filename, { workerData: { sab, iters: ITERS } });
    exits.push(new Promise((r) => w.on('exit', r)));
  }
  Promise.all(exits).then((codes) => {
    console.log('exit codes', codes);
    console.log('counter', Atomics.load(counter, 0), 'expected', WORKERS * ITERS);
    console.log('plain total', counter[1] <= WORKERS * ITERS ? 'at most expected' : 'too large');
  });
} else {
  const counter = new Int32Array(workerData.sab);
  for (let i = 0; i < workerData.iters; i++) {
    Atomics.add(counter, 0, 1);
  }
  Atomics.add(counter, 1, workerData.iters);
}
