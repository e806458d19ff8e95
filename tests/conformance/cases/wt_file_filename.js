// new Worker(__filename) re-runs this file in a worker; isMainThread picks the branch.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  console.log('main: isMainThread', isMainThread, 'parentPort', parentPort, 'threadId', threadId);
  const w = new Worker(__filename, { workerData: { n: 1 } });
  w.on('message', (m) => console.log('main got', m));
  w.on('exit', (code) => console.log('main: worker exited', code));
} else {
  parentPort.postMessage({
    isMainThread,
    parentPortIsObject: typeof parentPort === 'object' && parentPort !== null,
    workerData,
    threadId,
  });
}
