// postMessage in both directions: a counter bounced between main and worker.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (n) => {
    if (n >= 10) {
      console.log('main done at', n);
      w.postMessage('stop');
      return;
    }
    console.log('main got', n);
    w.postMessage(n + 1);
  });
  w.on('exit', (code) => console.log('exit', code));
  w.postMessage(0);
} else {
  parentPort.on('message', (m) => {
    if (m === 'stop') return parentPort.close();
    parentPort.postMessage(m + 1);
  });
}
