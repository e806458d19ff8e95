// Two workers share a SharedArrayBuffer; a producer hands data to a consumer with Atomics.
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

if (isMainThread) {
  const sab = new SharedArrayBuffer(4 * 12);
  const run = (role) => new Promise((resolve) => {
    const w = new Worker(__filename, { workerData: { sab, role } });
    const msgs = [];
    w.on('message', (m) => msgs.push(m));
    w.on('exit', (code) => resolve({ role, code, msgs }));
  });
  Promise.all([run('consumer'), run('producer')]).then((results) => {
    for (const r of results) console.log(r);
    console.log('final slots', [...new Int32Array(sab)].slice(2));
  });
} else {
  const { sab, role } = workerData;
  const a = new Int32Array(sab); // a[0]: items ready, a[1]: acknowledgements, a[2..]: data
  const N = 10;
  if (role === 'producer') {
    for (let i = 0; i < N; i++) {
      a[2 + i] = (i + 1) * (i + 1);
      Atomics.store(a, 0, i + 1);
      Atomics.notify(a, 0);
    }
    for (let v; (v = Atomics.load(a, 1)) < N;) Atomics.wait(a, 1, v);
    parentPort.postMessage('producer saw all acknowledged');
  } else {
    let sum = 0;
    for (let i = 0; i < N; i++) {
      for (let v; (v = Atomics.load(a, 0)) <= i;) Atomics.wait(a, 0, v);
      sum += a[2 + i];
      Atomics.add(a, 1, 1);
      Atomics.notify(a, 1);
    }
    parentPort.postMessage('consumer sum ' + sum);
  }
}
