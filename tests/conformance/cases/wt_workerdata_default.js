// workerData defaults to undefined; primitives pass through as-is.
const { Worker } = require('worker_threads');
const code = `
  const { parentPort, workerData } = require('worker_threads');
  parentPort.postMessage([typeof workerData, workerData]);
`;
(async () => {
  const values = [undefined, null, 0, -0, '', 'text', false, 10n, [], {}];
  for (const v of values) {
    const opts = { eval: true };
    if (v !== undefined) opts.workerData = v;
    const w = new Worker(code, opts);
    const [m] = await Promise.all([
      new Promise((r) => w.once('message', r)),
      new Promise((r) => w.once('exit', r)),
    ]);
    console.log(m, Object.is(m[1], -0) ? '(negative zero)' : '');
  }
})();
