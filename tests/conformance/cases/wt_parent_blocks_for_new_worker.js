// A parent that blocks right after creating a worker, waiting for its
// answer (the synchronous-call pattern): the worker must already be
// running, as in Node, where it has a thread of its own from its
// constructor. First through Atomics.wait, then by polling
// receiveMessageOnPort. Both waits are bounded so that a failure prints.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');

const flag = new Int32Array(new SharedArrayBuffer(8));
new Worker(`
  const { workerData } = require('worker_threads');
  Atomics.store(workerData, 1, 42);
  Atomics.store(workerData, 0, 1);
  Atomics.notify(workerData, 0);
`, { eval: true, workerData: flag });
// 'not-equal' if the answer came before the wait began: both are fine.
const waited = Atomics.wait(flag, 0, 0, 20000);
console.log(waited === 'timed-out' ? 'no answer' : 'answer', Atomics.load(flag, 1));

const { port1, port2 } = new MessageChannel();
new Worker(`
  const { workerData } = require('worker_threads');
  workerData.postMessage({ answer: 7 });
`, { eval: true, workerData: port2, transferList: [port2] });
const start = Date.now();
let reply;
while (!(reply = receiveMessageOnPort(port1)) && Date.now() - start < 20000) {}
console.log(reply ? reply.message : 'no reply');
port1.close();
