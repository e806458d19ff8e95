// Atomics.wait/notify handshake between main and a worker.
// Results are made deterministic by causality: main keeps notifying until
// Atomics.notify reports it woke the worker, so the worker's wait returns 'ok'.
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const a = new Int32Array(sab); // a[0]: wake slot, a[1]: reply flag, a[2]: data, a[3]: never set
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const a = new Int32Array(workerData);
  parentPort.postMessage('about to wait');
  const r1 = Atomics.wait(a, 0, 0);        // a[0] stays 0: only a notify ends this wait
  const data = a[2];                        // written by main before it notified
  const r2 = Atomics.wait(a, 3, 1);        // a[3] is 0, not 1
  const r3 = Atomics.wait(a, 3, 0, 20);    // nobody notifies index 3
  Atomics.store(a, 1, 99);
  Atomics.notify(a, 1);
  parentPort.postMessage({ r1, data, r2, r3 });
`, { eval: true, workerData: sab });

w.on('message', (m) => {
  if (m === 'about to wait') {
    Atomics.store(a, 2, 5);
    let spins = 0;
    while (Atomics.notify(a, 0, 1) !== 1) spins++;
    // Main may block too: wait until the worker sets the reply flag.
    while (Atomics.load(a, 1) === 0) Atomics.wait(a, 1, 0);
    console.log('main woke the worker; reply flag', Atomics.load(a, 1));
    return;
  }
  console.log('worker results', m);
});
w.on('exit', (code) => {
  console.log('exit', code);
  console.log('main wait on changed value:', Atomics.wait(a, 1, 0, 0));
  console.log('main wait timing out:', Atomics.wait(a, 3, 0, 1));
  console.log('notify with no waiters:', Atomics.notify(a, 0));
});
