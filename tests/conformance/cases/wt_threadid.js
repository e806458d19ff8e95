// threadId: 0 in main, increasing per created worker, -1 on the Worker object after exit.
const { Worker, threadId } = require('worker_threads');

console.log('main threadId', threadId);
const code = `
  const { parentPort, threadId } = require('worker_threads');
  parentPort.postMessage(threadId);
`;
(async () => {
  const workers = [new Worker(code, { eval: true }), new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  console.log('worker.threadId', workers.map((w) => w.threadId));
  const seen = workers.map((w) => new Promise((r) => w.once('message', r)));
  const exited = workers.map((w) => new Promise((r) => w.once('exit', r)));
  console.log('reported', await Promise.all(seen));
  console.log('exit codes', await Promise.all(exited));
  console.log('after exit', workers.map((w) => w.threadId));
  const w4 = new Worker(code, { eval: true });
  console.log('next worker', w4.threadId);
})();
