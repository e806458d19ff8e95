// transfer_1mib: a 1 MiB ArrayBuffer sent from the main thread to a worker
// and back, one at a time; "transfer" puts it in the transfer list both ways
// (moved, the sender's buffer detached), "copy" does not (structured clone).
// The worker bumps the first byte so each round trip is checked. Per-op
// figure = one round trip. WARMUP untimed ops, then N timed, per mode.
//
//   node transfer_1mib.js [N=300] [WARMUP=30]
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');
const SIZE = 1 << 20;

if (!isMainThread) {
  parentPort.on('message', ({ buf, transfer }) => {
    new Uint8Array(buf)[0]++;
    parentPort.postMessage({ buf, transfer }, transfer ? [buf] : []);
  });
} else {
  const { report, median, p99 } = require('./_common.js');
  const N = Number(process.argv[2] || 300);
  const WARMUP = Number(process.argv[3] || 30);
  const w = new Worker(__filename);
  let buf = new ArrayBuffer(SIZE);
  new Uint8Array(buf).fill(7);

  const roundTrip = (transfer) => new Promise((resolve) => {
    const before = new Uint8Array(buf)[0];
    const t0 = performance.now();
    w.once('message', (m) => {
      const dt = performance.now() - t0;
      if (m.buf.byteLength !== SIZE || new Uint8Array(m.buf)[0] !== ((before + 1) & 255)) {
        throw new Error('buffer came back wrong');
      }
      if (transfer && buf.byteLength !== 0) throw new Error('transferred buffer not detached');
      buf = m.buf;
      resolve(dt);
    });
    w.postMessage({ buf, transfer }, transfer ? [buf] : []);
  });

  (async () => {
    const out = {};
    for (const mode of ['transfer', 'copy']) {
      const transfer = mode === 'transfer';
      for (let i = 0; i < WARMUP; i++) await roundTrip(transfer);
      const samples = [];
      for (let i = 0; i < N; i++) samples.push(await roundTrip(transfer));
      out[mode] = samples;
    }
    report('transfer_1mib', [
      { key: 'transfer_median', label: '1 MiB there and back, transfer, median', unit: 'us',
        value: median(out.transfer) * 1000, kind: 'time', better: 'lower' },
      { key: 'transfer_p99', label: '1 MiB there and back, transfer, p99', unit: 'us',
        value: p99(out.transfer) * 1000, kind: 'time', better: 'lower' },
      { key: 'copy_median', label: '1 MiB there and back, copy, median', unit: 'us',
        value: median(out.copy) * 1000, kind: 'time', better: 'lower' },
      { key: 'copy_p99', label: '1 MiB there and back, copy, p99', unit: 'us',
        value: p99(out.copy) * 1000, kind: 'time', better: 'lower' },
    ], { n: N, warmup: WARMUP, copy_over_transfer: median(out.copy) / median(out.transfer) });
    await w.terminate();
  })().catch((e) => { console.error(e); process.exitCode = 1; });
}
