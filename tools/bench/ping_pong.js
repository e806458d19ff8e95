// ping_pong: round trip between two workers over a MessageChannel whose two
// ports are transferred one to each worker. Worker A sends a small message,
// worker B echoes it; after WARMUP round trips, A times ROUNDS round trips in
// batches of BATCH and the per-round-trip figure of each batch is a sample.
//
//   node ping_pong.js [ROUNDS=20000] [WARMUP=2000] [BATCH=100]
'use strict';
const { Worker, isMainThread, parentPort, workerData, MessageChannel } = require('worker_threads');

if (isMainThread) {
  const { report, median, p99 } = require('./_common.js');
  const ROUNDS = Number(process.argv[2] || 20000);
  const WARMUP = Number(process.argv[3] || 2000);
  const BATCH = Number(process.argv[4] || 100);
  const { port1, port2 } = new MessageChannel();
  const b = new Worker(__filename, { workerData: { role: 'echo', port: port2 }, transferList: [port2] });
  const a = new Worker(__filename, {
    workerData: { role: 'ping', port: port1, rounds: ROUNDS, warmup: WARMUP, batch: BATCH },
    transferList: [port1],
  });
  a.once('message', (batches) => {
    report('ping_pong', [
      { key: 'median', label: 'worker<->worker round trip, median (batches of ' + BATCH + ')',
        value: median(batches) * 1000, unit: 'us', kind: 'time', better: 'lower',
        target: 'islet <= node/3', ratio_min: 3 },
      { key: 'p99', label: 'worker<->worker round trip, p99 of batches',
        value: p99(batches) * 1000, unit: 'us', kind: 'time', better: 'lower' },
    ], { rounds: ROUNDS, warmup: WARMUP, batch: BATCH });
    a.terminate();
    b.terminate();
  });
} else if (workerData.role === 'echo') {
  const port = workerData.port;
  port.on('message', (m) => port.postMessage(m));
} else {
  const { port, rounds, warmup, batch } = workerData;
  const batches = [];
  let left = warmup;
  let inBatch = 0;
  let t0 = 0;
  let timing = false;
  port.on('message', (m) => {
    if (!timing) {
      if (--left > 0) return port.postMessage(m);
      timing = true;
      left = rounds;
      t0 = performance.now();
      return port.postMessage(m);
    }
    if (++inBatch === batch) {
      const t1 = performance.now();
      batches.push((t1 - t0) / batch);
      inBatch = 0;
      t0 = t1;
    }
    if (--left > 0) return port.postMessage(m);
    port.close();
    parentPort.postMessage(batches);
  });
  port.postMessage({ i: 0 });
}
