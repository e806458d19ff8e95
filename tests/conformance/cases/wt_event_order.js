// Arguments of 'online', 'message' and 'exit', and their order: messages in posting
// order, everything before 'exit'. ('online' comes from an internal channel and Node
// does not order it against the worker's messages, so it is checked separately.)
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('first');
  parentPort.postMessage('second');
`, { eval: true });

const events = [];
let onlineArgs = null;
w.on('online', (...args) => { onlineArgs = args; });
w.on('message', (...args) => events.push(['message', args]));
w.on('error', (e) => events.push(['error', e]));
w.on('exit', (...args) => {
  events.push(['exit', args]);
  console.log('online before exit, with args', onlineArgs);
  console.log(events);
});
console.log('listeners attached');
