// transferList in Worker options moves ArrayBuffers and MessagePorts inside workerData.
const { Worker, MessageChannel } = require('worker_threads');

const buf = new Uint8Array([10, 20, 30, 40]).buffer;
const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const { buf, port } = workerData;
  parentPort.postMessage({ bytes: [...new Uint8Array(buf)], portType: port.constructor.name });
  port.postMessage('hello over transferred port');
  port.close();
`, { eval: true, workerData: { buf, port: port2 }, transferList: [buf, port2] });

console.log('buffer byteLength after transfer', buf.byteLength);
// The worker's messages and port1's messages travel on different channels,
// so they are printed in a fixed order once both sides are done.
const fromWorker = [];
const fromPort = [];
w.on('message', (m) => fromWorker.push(m));
port1.on('message', (m) => fromPort.push(m));
Promise.all([
  new Promise((r) => w.on('exit', r)),
  new Promise((r) => port1.on('close', r)),
]).then(([code]) => {
  console.log('worker says', fromWorker);
  console.log('port1 got', fromPort);
  console.log('port1 closed; worker exit', code);
});
