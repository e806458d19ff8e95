// Environment data is inherited transitively: a nested worker sees its parent's data.
const { Worker, isMainThread, parentPort, getEnvironmentData, setEnvironmentData, workerData } = require('worker_threads');

if (isMainThread) {
  setEnvironmentData('who', 'main');
  setEnvironmentData('date', new Date(0));
  const w = new Worker(__filename, { workerData: 1 });
  w.on('message', (m) => console.log(m));
} else if (workerData === 1) {
  setEnvironmentData('who', 'worker 1');
  const inner = new Worker(__filename, { workerData: 2 });
  inner.on('message', (m) => parentPort.postMessage(m));
  parentPort.postMessage({ level: 1, who: getEnvironmentData('who') });
} else {
  const d = getEnvironmentData('date');
  parentPort.postMessage({ level: 2, who: getEnvironmentData('who'), date: d instanceof Date && d.getTime() });
}
