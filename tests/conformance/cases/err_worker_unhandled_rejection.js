// An unhandled rejection inside a worker surfaces as the worker's 'error' event; exit code 1.
const { Worker } = require('worker_threads');

const w = new Worker(`
  Promise.reject(new TypeError('rejected in worker'));
`, { eval: true });
w.on('error', (e) => console.log('error event:', e instanceof TypeError, e.name, e.message));
w.on('exit', (code) => console.log('exit', code));
process.on('exit', (code) => console.log('main exit', code));
