// The name option is accepted; workers with and without names run normally.
const { Worker } = require('worker_threads');

(async () => {
  for (const name of ['alpha', '', undefined]) {
    const w = new Worker(`require('worker_threads').parentPort.postMessage(require('worker_threads').threadId)`, { eval: true, name });
    const idP = new Promise((r) => w.once('message', r));
    const codeP = new Promise((r) => w.once('exit', r));
    const [id, code] = await Promise.all([idP, codeP]);
    console.log(JSON.stringify(name), 'threadId', id, 'exit', code);
  }
  try {
    new Worker('0', { eval: true, name: 123 });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
})();
