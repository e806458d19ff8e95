// starvation: K CPU-bound workers compute for WORK_MS each while the main
// worker runs a 10 ms timer and, at each tick, pings a light worker. Once all
// K have started, every tick's lateness (actual - due) and every ping's round
// trip is a sample. With as many busy workers as (or more than) executor
// threads, a pool that lets a long turn hold its thread stalls both.
//
//   node starvation.js [KS=2,8,64] [WORK_MS=2000] [TICK_MS=10]
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function spin(ms) {
  const end = performance.now() + ms;
  let x = 1;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  }
  return x;
}

if (!isMainThread && workerData.role === 'busy') {
  parentPort.postMessage('started');
  parentPort.postMessage(spin(workerData.ms));
} else if (!isMainThread) {
  parentPort.on('message', (m) => parentPort.postMessage(m));
} else {
  const { report, percentile } = require('./_common.js');
  const KS = String(process.argv[2] || '2,8,64').split(',').map(Number);
  const WORK_MS = Number(process.argv[3] || 2000);
  const TICK_MS = Number(process.argv[4] || 10);
  const light = new Worker(__filename, { workerData: { role: 'light' } });

  function round(k) {
    return new Promise((resolve) => {
      const lateness = [];
      const pings = [];
      let started = 0, finished = 0, measuring = false, due = 0, pingAt = 0, pingTimed = false;
      const onPong = () => {
        if (pingTimed) pings.push(performance.now() - pingAt);
        pingAt = 0;
      };
      light.on('message', onPong);
      const tick = () => {
        const now = performance.now();
        if (measuring) lateness.push(now - due);
        if (finished === k) {
          light.off('message', onPong);
          return resolve({ lateness, pings });
        }
        if (pingAt === 0) {
          pingTimed = measuring;
          pingAt = performance.now();
          light.postMessage(1);
        }
        due = performance.now() + TICK_MS;
        setTimeout(tick, TICK_MS);
      };
      for (let i = 0; i < k; i++) {
        const w = new Worker(__filename, { workerData: { role: 'busy', ms: WORK_MS } });
        w.on('message', (m) => {
          if (m === 'started' && ++started === k) measuring = true;
          else if (m !== 'started') finished++;
        });
      }
      due = performance.now() + TICK_MS;
      setTimeout(tick, TICK_MS);
    });
  }

  (async () => {
    await new Promise((resolve) => light.once('online', resolve));
    const metrics = [];
    const info = { work_ms: WORK_MS, tick_ms: TICK_MS };
    for (const k of KS) {
      const { lateness, pings } = await round(k);
      info['k' + k] = { ticks: lateness.length, pings: pings.length,
                        lateness_max_ms: Math.max(...lateness) };
      metrics.push(
        { key: 'late_p99_' + k, label: `${k} busy workers: 10 ms timer lateness, p99`,
          value: percentile(lateness, 99), unit: 'ms', kind: 'time', better: 'lower',
          target: 'islet <= 2x node', ratio_min: 0.5 },
        { key: 'ping_p99_' + k, label: `${k} busy workers: ping to a light worker, p99`,
          value: percentile(pings, 99) * 1000, unit: 'us', kind: 'time', better: 'lower',
          target: 'islet <= 2x node', ratio_min: 0.5 });
    }
    report('starvation', metrics, info);
    light.terminate();
  })();
}
