// process.exit(n) in a worker ends only the worker; 'exit' reports n, no 'error'.
const { Worker } = require('worker_threads');

(async () => {
  for (const n of [0, 1, 7, 255]) {
    const w = new Worker(`
      const { parentPort, workerData } = require('worker_threads');
      parentPort.postMessage('exiting with ' + workerData);
      process.exit(workerData);
      parentPort.postMessage('not reached');
    `, { eval: true, workerData: n });
    const events = [];
    w.on('message', (m) => events.push(m));
    w.on('error', (e) => events.push('error ' + e.message));
    const code = await new Promise((resolve) => w.on('exit', resolve));
    console.log(n, '->', code, events);
  }
  console.log('main still running');
})();
