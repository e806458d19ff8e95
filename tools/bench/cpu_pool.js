// cpu_pool: the worker-pool pattern on a CPU-bound task. Each task is a few
// KB of JSON: the worker parses it, sorts the records, serializes them again
// and hashes the text (FNV-1a), and sends the hash back. The main worker
// keeps every pool worker busy with DEPTH tasks in flight and counts the
// tasks completed in DURATION_MS, for pools of each size in SIZES.
//
//   node cpu_pool.js [SIZES=2,8] [DURATION_MS=3000] [DEPTH=2]
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

if (!isMainThread) {
  parentPort.on('message', ({ id, text }) => {
    const records = JSON.parse(text);
    records.sort((a, b) => (a.score - b.score) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    parentPort.postMessage({ id, hash: fnv1a(JSON.stringify(records)) });
  });
} else {
  const { report } = require('./_common.js');
  const SIZES = String(process.argv[2] || '2,8').split(',').map(Number);
  const DURATION_MS = Number(process.argv[3] || 3000);
  const DEPTH = Number(process.argv[4] || 2);

  // 64 tasks' inputs, ~4 KB each, made the same way under both runtimes.
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const inputs = Array.from({ length: 64 }, () => JSON.stringify(Array.from({ length: 48 }, (_, i) => ({
    name: 'item-' + Math.floor(rand() * 1e6).toString(36), score: Math.floor(rand() * 1000),
    tags: ['a', 'b', 'c'].slice(0, 1 + (i % 3)), ok: rand() < 0.5,
  }))));

  function pool(size) {
    return new Promise((resolve) => {
      const workers = [];
      let done = 0, next = 0, stopping = false, ready = 0, t0 = 0, checksum = 0;
      const send = (w) => { w.postMessage({ id: next, text: inputs[next % inputs.length] }); next++; };
      for (let i = 0; i < size; i++) {
        const w = new Worker(__filename);
        workers.push(w);
        w.on('message', ({ hash }) => {
          if (t0 === 0) return;  // warm-up answers
          done++;
          checksum = (checksum + hash) >>> 0;
          if (!stopping) send(w);
        });
        w.once('online', () => {
          if (++ready < size) return;
          t0 = performance.now();
          for (const w of workers) for (let d = 0; d < DEPTH; d++) send(w);
          setTimeout(() => {
            stopping = true;
            const secs = (performance.now() - t0) / 1000;
            Promise.all(workers.map((w) => w.terminate())).then(() => resolve({ rate: done / secs, done }));
          }, DURATION_MS);
        });
      }
    });
  }

  (async () => {
    const metrics = [], info = { duration_ms: DURATION_MS, depth: DEPTH, task_bytes: inputs[0].length };
    for (const size of SIZES) {
      const { rate, done } = await pool(size);
      info['pool' + size + '_tasks'] = done;
      metrics.push({ key: 'rate_' + size, label: `pool of ${size}: JSON parse/sort/hash tasks`,
                     value: rate, unit: 'tasks/s', kind: 'rate', better: 'higher',
                     target: 'islet >= node', ratio_min: 1 });
    }
    report('cpu_pool', metrics, info);
  })();
}
