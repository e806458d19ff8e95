// isMainThread, parentPort, workerData and threadId seen from main, a file worker and an eval worker.
const wt = require('worker_threads');

function snapshot() {
  return {
    isMainThread: wt.isMainThread,
    parentPort: wt.parentPort === null ? null : wt.parentPort.constructor.name,
    workerData: wt.workerData,
    threadId: wt.threadId,
    sameModule: require('node:worker_threads') === wt,
  };
}

if (wt.isMainThread) {
  console.log('main', snapshot());
  const file = new wt.Worker(__filename, { workerData: 'file' });
  file.on('message', (m) => {
    console.log('file worker', m);
    const ev = new wt.Worker(`
      const wt = require('worker_threads');
      wt.parentPort.postMessage({
        isMainThread: wt.isMainThread,
        parentPort: wt.parentPort.constructor.name,
        workerData: wt.workerData,
        threadId: wt.threadId,
        hasFilename: typeof __filename,
      });
    `, { eval: true, workerData: 'eval' });
    ev.on('message', (m2) => console.log('eval worker', m2));
  });
} else {
  wt.parentPort.postMessage(snapshot());
}
