// Every message a worker posts is delivered before its 'exit' event, in order.
const { Worker } = require('worker_threads');

const N = 2000;
const w = new Worker(`
  const { parentPort, workerData } = require('worker_threads');
  for (let i = 0; i < workerData; i++) parentPort.postMessage(i);
  parentPort.postMessage('last');
  process.exit(3);
`, { eval: true, workerData: N });

let expected = 0;
let inOrder = true;
let last = false;
w.on('message', (m) => {
  if (m === 'last') { last = true; return; }
  if (m !== expected) inOrder = false;
  expected++;
});
w.on('exit', (code) => {
  console.log('exit', code, 'received', expected, 'in order', inOrder, 'saw last', last);
});
