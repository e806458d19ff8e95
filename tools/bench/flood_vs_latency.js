// flood_vs_latency: worker P does a ping-pong with the main thread (main
// posts, P echoes, main times the round trip) while worker F floods the main
// thread with small messages ({i}) through its parentPort. The flood is
// windowed so that it is bounded yet never lets up: F keeps up to WINDOW
// messages unacknowledged and main acknowledges every ACK messages, so main
// always has thousands of flood messages queued. Reports the ping-pong
// p50/p99 without the flood and with it, and the flood rate main absorbed.
// Each phase: WARMUP untimed pings, then up to PINGS timed ones, stopping
// early after PHASE_MS.
//
//   node flood_vs_latency.js [PINGS=1000] [WARMUP=100] [WINDOW=10000] [ACK=1000] [PHASE_MS=12000]
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const { report, median, p99 } = require('./_common.js');
  const arg = (i, d) => Number(process.argv[i] || d);
  const PINGS = arg(2, 1000), WARMUP = arg(3, 100), WINDOW = arg(4, 10000), ACK = arg(5, 1000);
  const PHASE_MS = arg(6, 12000);

  const p = new Worker(__filename, { workerData: { role: 'echo' } });
  const f = new Worker(__filename, { workerData: { role: 'flood', window: WINDOW } });
  let floodReceived = 0;
  let floodStarted = null;  // resolves once the flood is in full swing
  f.on('message', () => {
    ++floodReceived;
    if (floodReceived % ACK === 0) f.postMessage(floodReceived);
    if (floodStarted && floodReceived >= 2 * WINDOW) { floodStarted(); floodStarted = null; }
  });

  let pending = null;
  p.on('message', () => { const r = pending; pending = null; r(); });
  const ping = () => new Promise((resolve) => {
    const t0 = performance.now();
    pending = () => resolve(performance.now() - t0);
    p.postMessage(0);
  });
  const phase = async () => {
    for (let i = 0; i < WARMUP; i++) await ping();
    const samples = [];
    const t0 = performance.now();
    while (samples.length < PINGS && performance.now() - t0 < PHASE_MS) samples.push(await ping());
    return samples;
  };

  (async () => {
    const quiet = await phase();
    await new Promise((resolve) => { floodStarted = resolve; f.postMessage('start'); });
    const r0 = floodReceived;
    const t0 = performance.now();
    const flooded = await phase();
    const floodRate = (floodReceived - r0) / ((performance.now() - t0) / 1000);
    f.postMessage('stop');
    const ms = (xs) => xs.map((x) => x * 1000);
    report('flood_vs_latency', [
      { key: 'quiet_p50', label: 'main<->worker ping, no flood, p50', value: median(quiet) * 1000,
        unit: 'us', kind: 'time', better: 'lower' },
      { key: 'quiet_p99', label: 'main<->worker ping, no flood, p99', value: p99(quiet) * 1000,
        unit: 'us', kind: 'time', better: 'lower' },
      { key: 'flood_p50', label: 'same ping while a worker floods main, p50', value: median(flooded) * 1000,
        unit: 'us', kind: 'time', better: 'lower' },
      { key: 'flood_p99', label: 'same ping while a worker floods main, p99', value: p99(flooded) * 1000,
        unit: 'us', kind: 'time', better: 'lower', target: 'islet p99 stays bounded' },
      { key: 'flood_rate', label: 'flood messages main absorbed meanwhile', value: floodRate,
        unit: 'msg/s', kind: 'rate', better: 'higher' },
    ], { pings: PINGS, warmup: WARMUP, window: WINDOW, ack: ACK, quiet_n: quiet.length,
         flood_n: flooded.length, flood_max_us: Math.max(...ms(flooded)) });
    await Promise.all([p.terminate(), f.terminate()]);
  })().catch((e) => { console.error(e); process.exitCode = 1; });
} else if (workerData.role === 'echo') {
  parentPort.on('message', (m) => parentPort.postMessage(m));
} else {
  const WINDOW = workerData.window;
  let sent = 0;
  let acked = 0;
  let running = false;
  const pump = () => {
    while (running && sent - acked < WINDOW) parentPort.postMessage({ i: sent++ });
  };
  parentPort.on('message', (m) => {
    if (m === 'start') running = true;
    else if (m === 'stop') running = false;
    else acked = m;
    pump();
  });
}
