// A MessagePort inside workerData must be listed in transferList.
const { Worker, MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
try {
  new Worker('0', { eval: true, workerData: { port: port2 } });
  console.log('no error');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  new Worker('0', { eval: true, workerData: () => 1 });
  console.log('no error');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
port1.close();
console.log('done');
