// Eight workers compute in parallel; results are collected by index, not by arrival order.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const N = 8;
  const runs = [];
  for (let i = 0; i < N; i++) {
    const w = new Worker(__filename, { workerData: { i, n: 20000 + i } });
    runs.push(new Promise((resolve, reject) => {
      let result;
      w.on('message', (m) => { result = m; });
      w.on('error', reject);
      w.on('exit', (code) => resolve({ code, result }));
    }));
  }
  Promise.all(runs).then((all) => {
    for (const [i, r] of all.entries()) console.log(i, r.code, r.result);
  });
} else {
  const { i, n } = workerData;
  let primes = 0;
  for (let k = 2; k < n; k++) {
    let p = true;
    for (let d = 2; d * d <= k; d++) if (k % d === 0) { p = false; break; }
    if (p) primes++;
  }
  parentPort.postMessage({ i, n, primes });
}
