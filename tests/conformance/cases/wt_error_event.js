// An uncaught exception in a worker: 'error' with the Error, then 'exit' with code 1.
// Messages posted before the throw arrive before 'exit' (Node does not order them
// against 'error', which travels on a different internal channel).
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('before throw');
  throw new RangeError('boom in worker');
`, { eval: true });

const events = [];
const messages = [];
w.on('message', (m) => messages.push(m));
w.on('error', (err) => {
  events.push('error');
  console.log('error instanceof Error', err instanceof Error);
  console.log('error instanceof RangeError', err instanceof RangeError);
  console.log('name', err.name, 'message', err.message);
});
w.on('exit', (code) => {
  events.push('exit:' + code);
  console.log(events, messages);
});
