// idle_workers: N concurrent idle workers, each waiting on parentPort.
// "All alive" = the parent has had a message from each. Reports RSS per
// worker = (RSS with all alive - RSS before) / N, then terminates them all
// and reports how long that took.
//
//   node idle_workers.js [N=200] [BATCH=100] [BUDGET_MS=40000]
//   islet run idle_workers.js 10000 500
//
// Workers start in batches of BATCH (the next batch starts when the previous
// one is all up). If starting them takes longer than BUDGET_MS the script
// stops spawning, measures what it has and says so (workers < requested).
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  // An idle worker: a listener on parentPort keeps it alive; it does nothing.
  parentPort.on('message', () => {});
  parentPort.postMessage(1);
} else {
  const { report, sleep } = require('./_common.js');
  const N = Number(process.argv[2] || 200);
  const BATCH = Number(process.argv[3] || 100);
  const BUDGET_MS = Number(process.argv[4] || 40000);
  const rss = () => process.memoryUsage().rss;
  const MiB = 2 ** 20;

  (async () => {
    await sleep(300);
    const rssBefore = rss();
    const workers = [];
    let errors = 0;
    const batchMs = [];
    const t0 = performance.now();
    while (workers.length < N && performance.now() - t0 < BUDGET_MS) {
      const tb = performance.now();
      const n = Math.min(BATCH, N - workers.length);
      await new Promise((resolve) => {
        let up = 0;
        const done = () => { if (++up === n) resolve(); };
        for (let i = 0; i < n; i++) {
          const w = new Worker(__filename);
          w.once('message', done);
          w.once('error', (e) => { errors++; console.error('worker error:', e && e.message); done(); });
          workers.push(w);
        }
      });
      batchMs.push(Math.round(performance.now() - tb));
    }
    const alive = workers.length;
    const spawnMs = performance.now() - t0;
    await sleep(500);  // let start-up garbage settle before sampling
    const rssAlive = rss();
    const t1 = performance.now();
    await Promise.all(workers.map((w) => w.terminate()));
    const terminateMs = performance.now() - t1;
    await sleep(300);
    const rssEnd = rss();
    report('idle_workers', [
      { key: 'workers', label: 'idle workers alive at once', value: alive, unit: '', kind: 'count',
        better: 'higher', target: N === alive ? undefined : `asked for ${N}` },
      { key: 'rss_per_worker', label: 'RSS per idle worker', value: (rssAlive - rssBefore) / alive / MiB,
        unit: 'MiB', kind: 'memory', better: 'lower', target: 'islet <= 1.2 MiB', abs_max: 1.2 },
      { key: 'spawn_per_worker', label: 'start time per worker (batches of ' + BATCH + ')',
        value: spawnMs / alive, unit: 'ms', kind: 'time', better: 'lower' },
      { key: 'terminate_per_worker', label: 'terminate all: time per worker',
        value: terminateMs / alive, unit: 'ms', kind: 'time', better: 'lower' },
    ], {
      requested: N, alive, errors, batch: BATCH,
      rss_before_mib: rssBefore / MiB, rss_all_alive_mib: rssAlive / MiB,
      rss_after_terminate_mib: rssEnd / MiB, spawn_all_ms: spawnMs, terminate_all_ms: terminateMs,
      batch_ms: batchMs,
    });
  })();
}
