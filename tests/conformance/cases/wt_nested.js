// Workers can start workers; isMainThread is false and threadIds keep counting.
const { Worker, isMainThread, parentPort, threadId, workerData } = require('worker_threads');

if (isMainThread) {
  const w = new Worker(__filename, { workerData: { depth: 1 } });
  w.on('message', (m) => console.log('main got', m));
  w.on('exit', (code) => console.log('outer worker exit', code));
} else {
  const { depth } = workerData;
  if (depth < 3) {
    const child = new Worker(__filename, { workerData: { depth: depth + 1 } });
    child.on('message', (m) => parentPort.postMessage(m));
    child.on('exit', (code) => parentPort.postMessage(`depth ${depth + 1} exited ${code}`));
  }
  parentPort.postMessage({ depth, threadId, isMainThread });
}
