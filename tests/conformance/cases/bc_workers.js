// BroadcastChannel across threads: every worker and main receive each broadcast.
const { Worker, BroadcastChannel, isMainThread, workerData, parentPort } = require('worker_threads');

const N = 3;
if (isMainThread) {
  const ch = new BroadcastChannel('room');
  const ready = [];
  const got = [];
  const workers = [];
  for (let i = 0; i < N; i++) {
    const w = new Worker(__filename, { workerData: i });
    w.on('message', (m) => {
      if (m === 'ready') {
        ready.push(i);
        if (ready.length === N) ch.postMessage('hello from main');
      } else {
        got.push(m);
        if (got.length === N) {
          console.log('workers heard', got.sort());
          ch.postMessage('bye');
        }
      }
    });
    workers.push(new Promise((r) => w.on('exit', r)));
  }
  Promise.all(workers).then((codes) => {
    console.log('exit codes', codes);
    ch.close();
  });
} else {
  const ch = new BroadcastChannel('room');
  ch.onmessage = ({ data }) => {
    if (data === 'bye') {
      ch.close();
      return;
    }
    parentPort.postMessage(`worker ${workerData} heard: ${data}`);
  };
  parentPort.postMessage('ready');
}
