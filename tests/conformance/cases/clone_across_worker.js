// Values round-trip main -> worker -> main through postMessage with types intact.
const { Worker, isMainThread, parentPort } = require('worker_threads');

function describe(v) {
  if (v === null || typeof v !== 'object') return Object.is(v, -0) ? '-0' : typeof v === 'bigint' ? v + 'n' : v;
  return Object.prototype.toString.call(v).slice(8, -1);
}

if (isMainThread) {
  const values = [undefined, null, -0, NaN, 10n, 'str', new Date(0), /re/g, [1, , 3], new Map([[1, 2]]),
    new Set([3]), new ArrayBuffer(3), new Int32Array([7]), new DataView(new ArrayBuffer(1)),
    new TypeError('sent'), new Number(1), { deep: { er: true } }];
  const w = new Worker(__filename);
  let i = 0;
  w.on('message', ({ back, seenInWorker }) => {
    console.log(i, 'worker saw', seenInWorker, '| back in main', describe(back));
    if (++i === values.length) w.postMessage('done');
  });
  w.on('exit', (code) => console.log('exit', code));
  for (const v of values) w.postMessage(v);
} else {
  parentPort.on('message', (v) => {
    if (v === 'done') return parentPort.close();
    let seen = describe(v);
    if (v instanceof Error) seen += ` ${v.name}: ${v.message}`;
    if (v instanceof Int32Array) seen += ` [${v}]`;
    if (Array.isArray(v)) seen += ` holes:${!(1 in v)}`;
    parentPort.postMessage({ back: v, seenInWorker: seen });
  });
}
