// throughput: one-way small messages ({i}) from worker A to worker B through
// a MessageChannel (one port transferred to each). A posts COUNT messages in
// one synchronous loop; B counts them and tells the main thread when the last
// arrives. The main thread times from its 'go' to A until B's 'done'; one
// untimed warm-up round of WARMUP messages runs first, then REPEAT timed
// rounds. Reports the median round's messages/s.
//
//   node throughput.js [COUNT=200000] [WARMUP=20000] [REPEAT=3] [CHUNK=0]
// CHUNK > 0 makes A yield (setImmediate) after every CHUNK messages instead
// of posting all of them in one loop.
'use strict';
const { Worker, isMainThread, parentPort, workerData, MessageChannel } = require('worker_threads');

if (isMainThread) {
  const { report, median } = require('./_common.js');
  const COUNT = Number(process.argv[2] || 200000);
  const WARMUP = Number(process.argv[3] || 20000);
  const REPEAT = Number(process.argv[4] || 3);
  const CHUNK = Number(process.argv[5] || 0);
  const { port1, port2 } = new MessageChannel();
  const b = new Worker(__filename, { workerData: { role: 'sink', port: port2 }, transferList: [port2] });
  const a = new Worker(__filename, { workerData: { role: 'source', port: port1, chunk: CHUNK },
                                     transferList: [port1] });
  const rounds = [WARMUP, ...Array(REPEAT).fill(COUNT)];
  const rates = [];
  let n = 0;
  let t0 = 0;
  const start = () => { n = rounds.shift(); b.postMessage(n); };  // B: expect n
  b.on('message', (m) => {
    if (m === 'ready') {  // B is waiting for n messages: tell A to send them
      t0 = performance.now();
      a.postMessage(n);
      return;
    }
    const ms = performance.now() - t0;  // m === 'done'
    if (rounds.length < REPEAT) rates.push(n / (ms / 1000));
    if (rounds.length > 0) return start();
    report('throughput', [
      { key: 'rate', label: 'one-way small messages worker -> worker', value: median(rates),
        unit: 'msg/s', kind: 'rate', better: 'higher', target: 'islet >= 3x node', ratio_min: 3 },
    ], { count: COUNT, warmup: WARMUP, repeat: REPEAT, chunk: CHUNK, rates });
    a.terminate();
    b.terminate();
  });
  start();
} else if (workerData.role === 'sink') {
  const port = workerData.port;
  let expect = 0;
  let got = 0;
  port.on('message', () => {
    if (++got === expect) parentPort.postMessage('done');
  });
  parentPort.on('message', (n) => { expect = n; got = 0; parentPort.postMessage('ready'); });
} else {
  const { port, chunk } = workerData;
  parentPort.on('message', (n) => {
    let i = 0;
    const step = () => {
      const end = chunk ? Math.min(n, i + chunk) : n;
      for (; i < end; i++) port.postMessage({ i });
      if (i < n) setImmediate(step);
    };
    step();
  });
}
