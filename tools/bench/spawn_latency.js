// spawn_latency: time from `new Worker(...)` to the first message the parent
// receives from it, one worker at a time (the next is created after the
// previous one has exited). WARMUP spawns first, then N timed ones.
//
//   node spawn_latency.js [N=200] [WARMUP=20]
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.postMessage(0);
} else {
  const { report, median, p99 } = require('./_common.js');
  const N = Number(process.argv[2] || 200);
  const WARMUP = Number(process.argv[3] || 20);
  const samples = [];

  const once = () => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const w = new Worker(__filename);
    let dt = -1;
    w.once('message', () => { dt = performance.now() - t0; });
    w.once('error', reject);
    w.once('exit', () => (dt >= 0 ? resolve(dt) : reject(new Error('exited without a message'))));
  });

  (async () => {
    for (let i = 0; i < WARMUP; i++) await once();
    const t0 = performance.now();
    for (let i = 0; i < N; i++) samples.push(await once());
    const wall = performance.now() - t0;
    report('spawn_latency', [
      { key: 'median', label: 'spawn -> first message, median', value: median(samples), unit: 'ms',
        kind: 'time', better: 'lower', target: 'islet <= 0.5 ms', abs_max: 0.5 },
      { key: 'p99', label: 'spawn -> first message, p99', value: p99(samples), unit: 'ms',
        kind: 'time', better: 'lower' },
    ], { n: N, warmup: WARMUP, wall_ms_incl_exit: wall,
         min_ms: Math.min(...samples), max_ms: Math.max(...samples) });
  })().catch((e) => { console.error(e); process.exitCode = 1; });
}
