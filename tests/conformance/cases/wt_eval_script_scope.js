// An eval worker's code runs as Node's evalScript runs it: a classic script
// in the global scope, after module, exports, require, __dirname and
// __filename were set as globals; its module is '[worker eval]' and no main
// module; a file worker's code is the main module, as usual.
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => console.log('worker file:', m));
  w.on('exit', async () => {
    const sources = [
      `require('worker_threads').parentPort.postMessage([require.main === module,
         typeof require.main, this === module.exports, this === globalThis, module.id,
         typeof module.filename, __filename, __dirname])`,
      `var topLevel = 1; require('worker_threads').parentPort.postMessage(
         [globalThis.topLevel, typeof globalThis.module, typeof globalThis.require])`,
      `require('worker_threads').parentPort.postMessage(
         (function () { return this === undefined; })())`,
    ];
    for (const source of sources) {
      await new Promise((resolve) => {
        const e = new Worker(source, { eval: true });
        e.on('message', (m) => console.log('worker eval:', m));
        e.on('error', (err) => console.log('error', err.name, err.message));
        e.on('exit', resolve);
      });
    }
  });
} else {
  parentPort.postMessage([require.main === module, this === module.exports, module.id]);
}
