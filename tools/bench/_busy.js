// Load for cross_job (not a benchmark): K workers each computing for MS ms.
// Prints "busy" once all K have started.
//
//   node _busy.js [K=64] [MS=8000]
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const K = Number(process.argv[2] || 64);
  const MS = Number(process.argv[3] || 8000);
  let started = 0;
  for (let i = 0; i < K; i++) {
    new Worker(__filename, { workerData: MS }).on('message', () => {
      if (++started === K) console.log('busy');
    });
  }
} else {
  parentPort.postMessage('started');
  const end = performance.now() + workerData;
  let x = 1;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  }
}
