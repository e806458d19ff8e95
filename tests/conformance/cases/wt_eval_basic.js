// A Worker created from source code with { eval: true } runs it and can talk back.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort, isMainThread, workerData } = require('worker_threads');
  parentPort.postMessage({ isMainThread, workerData, sum: 2 + 3 });
`, { eval: true, workerData: 'hello' });

w.on('message', (m) => console.log('message', m));
w.on('exit', (code) => console.log('exit', code));
