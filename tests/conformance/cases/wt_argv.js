// The argv option is appended to process.argv in the worker (after execPath and script).
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  console.log('main extra argv', process.argv.slice(2));
  const w = new Worker(__filename, { argv: ['plain', 42, true, 'with space'] });
  w.on('message', (m) => console.log('worker', m));
  w.on('exit', () => {
    const w2 = new Worker(__filename);
    w2.on('message', (m) => console.log('worker without argv', m));
  });
} else {
  parentPort.postMessage({ length: process.argv.length, extra: process.argv.slice(2), types: process.argv.slice(2).map((a) => typeof a) });
}
