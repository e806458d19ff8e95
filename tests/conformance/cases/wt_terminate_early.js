// terminate() right after construction, before the worker is online.
const { Worker } = require('worker_threads');

const w = new Worker(`
  require('worker_threads').parentPort.postMessage('should not arrive');
  setInterval(() => {}, 1000);
`, { eval: true });
const events = [];
w.on('online', () => events.push('online'));
w.on('message', (m) => events.push('message ' + m));
w.on('exit', (code) => events.push('exit ' + code));
w.terminate().then((code) => {
  console.log('terminate resolved', code);
  setImmediate(() => console.log(events));
});
