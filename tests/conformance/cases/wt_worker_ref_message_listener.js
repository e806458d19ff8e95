// A Worker keeps its parent alive while its handle is ref'ed or it has a
// 'message' listener (its port is ref'ed from the first 'message' listener
// added to the last one removed); unref() drops both, ref() takes both.
// Each variant runs in a child, whose life shows what kept it alive.
const { Worker, isMainThread, workerData } = require('worker_threads');
const variants = [
  'w.unref();',
  "w.unref(); w.on('message', (m) => console.log('message', m));",
  "w.unref(); w.on('exit', () => console.log('exit event'));",
  "w.on('message', (m) => console.log('message', m)); w.unref();",
  "w.unref(); w.once('message', (m) => console.log('once', m));",
  "const f = () => console.log('never'); w.unref(); w.on('message', f); w.off('message', f);",
  "w.unref(); w.ref(); w.on('exit', (c) => console.log('exit', c));",
];
if (isMainThread) {
  console.log('names', new Worker('1', { eval: true }).eventNames());
  let i = 0;
  const next = () => {
    if (i === variants.length) return;
    const n = i++;
    const child = new Worker(__filename, { workerData: n });
    child.on('exit', () => { console.log(n, 'child exited'); next(); });
  };
  next();
} else {
  const w = new Worker(
    'setTimeout(() => require("worker_threads").parentPort.postMessage("late"), 50)',
    { eval: true });
  new Function('w', variants[workerData])(w);
  process.on('exit', () => console.log(workerData, 'child exit event'));
}
