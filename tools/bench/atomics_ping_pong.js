// atomics_ping_pong: two workers ping-pong through one Int32 of a
// SharedArrayBuffer with Atomics.wait/notify (no messages). Worker A sets the
// cell to 1 and waits while it is 1; worker B waits while it is 0, sets it
// back to 0 and notifies. After WARMUP round trips A times ROUNDS round trips
// in batches of BATCH; each batch's per-round-trip time is a sample.
//
//   node atomics_ping_pong.js [ROUNDS=20000] [WARMUP=1000] [BATCH=100]
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const STOP = 2;

if (isMainThread) {
  const { report, median, p99 } = require('./_common.js');
  const ROUNDS = Number(process.argv[2] || 20000);
  const WARMUP = Number(process.argv[3] || 1000);
  const BATCH = Number(process.argv[4] || 100);
  const sab = new SharedArrayBuffer(64);
  const b = new Worker(__filename, { workerData: { role: 'pong', sab } });
  const a = new Worker(__filename, { workerData: { role: 'ping', sab, rounds: ROUNDS, warmup: WARMUP, batch: BATCH } });
  b.on('error', (e) => { console.error('pong:', e); process.exitCode = 1; });
  a.on('error', (e) => { console.error('ping:', e); process.exitCode = 1; });
  a.once('message', (batches) => {
    report('atomics_ping_pong', [
      { key: 'median', label: 'Atomics.wait/notify round trip, median (batches of ' + BATCH + ')',
        value: median(batches) * 1000, unit: 'us', kind: 'time', better: 'lower',
        target: 'islet <= 1.1x node', ratio_min: 1 / 1.1 },
      { key: 'p99', label: 'Atomics.wait/notify round trip, p99 of batches',
        value: p99(batches) * 1000, unit: 'us', kind: 'time', better: 'lower' },
    ], { rounds: ROUNDS, warmup: WARMUP, batch: BATCH });
  });
} else if (workerData.role === 'pong') {
  const cell = new Int32Array(workerData.sab);
  for (;;) {
    Atomics.wait(cell, 0, 0);
    const v = Atomics.load(cell, 0);
    if (v === STOP) break;
    if (v === 1) {
      Atomics.store(cell, 0, 0);
      Atomics.notify(cell, 0);
    }
  }
} else {
  const { sab, rounds, warmup, batch } = workerData;
  const cell = new Int32Array(sab);
  const roundTrip = () => {
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
    while (Atomics.load(cell, 0) === 1) Atomics.wait(cell, 0, 1);
  };
  for (let i = 0; i < warmup; i++) roundTrip();
  const batches = [];
  for (let i = 0; i < rounds; i += batch) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) roundTrip();
    batches.push((performance.now() - t0) / batch);
  }
  Atomics.store(cell, 0, STOP);
  Atomics.notify(cell, 0);
  parentPort.postMessage(batches);
}
