// When a worker that owns a port ends, the other end gets 'close' after the port's messages.
// ('close' on port1 and the worker's 'exit' are not ordered against each other in Node.)
const { Worker, MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  const { workerData } = require('worker_threads');
  for (let i = 0; i < 3; i++) workerData.port.postMessage('msg ' + i);
  // The port is never closed explicitly: the worker just ends.
`, { eval: true, workerData: { port: port2 }, transferList: [port2] });

const got = [];
port1.on('message', (m) => got.push(m));
const closed = new Promise((resolve) => port1.on('close', () => resolve([...got])));
const exited = new Promise((resolve) => w.on('exit', resolve));
Promise.all([closed, exited]).then(([beforeClose, code]) => {
  console.log('messages before close', beforeClose);
  console.log('worker exit', code);
});
