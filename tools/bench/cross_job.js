// cross_job: job B's worker<->worker ping-pong while another job (A, started
// separately by run.sh: `_busy.js 64`, a second node process or a second
// islet job on the same daemon) keeps 64 workers computing. run.sh runs this
// script twice per runtime, PHASE=alone and then PHASE=loaded, and puts both
// results in one row set. Each round trip is a sample (not batches: the
// tail is the point).
//
//   node cross_job.js [PHASE=alone] [DURATION_MS=2000]
'use strict';
const { Worker, isMainThread, parentPort, workerData, MessageChannel } = require('worker_threads');

if (isMainThread) {
  const { report, median, p99 } = require('./_common.js');
  const PHASE = process.argv[2] || 'alone';
  const DURATION_MS = Number(process.argv[3] || 2000);
  const { port1, port2 } = new MessageChannel();
  const b = new Worker(__filename, { workerData: { role: 'echo', port: port2 }, transferList: [port2] });
  const a = new Worker(__filename, {
    workerData: { role: 'ping', port: port1, ms: DURATION_MS }, transferList: [port1],
  });
  const what = PHASE === 'alone' ? 'alone' : 'while job A computes on 64 workers';
  a.once('message', (rtts) => {
    report('cross_job', [
      { key: PHASE + '_median', label: `job B ping-pong ${what}, median`,
        value: median(rtts) * 1000, unit: 'us', kind: 'time', better: 'lower' },
      { key: PHASE + '_p99', label: `job B ping-pong ${what}, p99`,
        value: p99(rtts) * 1000, unit: 'us', kind: 'time', better: 'lower' },
    ], { phase: PHASE, round_trips: rtts.length });
    a.terminate();
    b.terminate();
  });
} else if (workerData.role === 'echo') {
  workerData.port.on('message', (m) => workerData.port.postMessage(m));
} else {
  const { port, ms } = workerData;
  const rtts = [];
  const warmup = 1000;
  let n = 0, t0 = performance.now(), end = 0;
  port.on('message', (m) => {
    const now = performance.now();
    if (++n === warmup) end = now + ms;
    else if (n > warmup) rtts.push(now - t0);
    if (end !== 0 && now >= end) {
      port.close();
      return parentPort.postMessage(rtts);
    }
    t0 = performance.now();
    port.postMessage(m);
  });
  port.postMessage({ i: 0 });
}
