// resourceLimits.stackSizeMb sets how deep a worker's JS may recurse (4 MB
// by default, less 192 KB kept for native frames); the main thread keeps
// V8's default of about 1 MB. Deep recursion is a RangeError, never a crash,
// even when the requested stack is larger than the thread could give.
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');

function depth() {
  let d = 0;
  function f() { d++; f(); }
  try { f(); } catch (e) { return [d, e instanceof RangeError]; }
}

if (isMainThread) {
  const [main, rangeError] = depth();
  console.log('main: about 1 MB', main > 8000 && main < 20000, rangeError);
  const cases = [
    [undefined, (d) => d > 40000 && d < 70000, 'default: about 4 MB'],
    [1, (d) => d > 8000 && d < 16000, '1 MB'],
    [0.5, (d) => d > 2000 && d < 7000, '0.5 MB'],
    [64, (d) => d > 100000, '64 MB'],
  ];
  (async () => {
    for (const [mb, check, label] of cases) {
      const w = new Worker(__filename,
                           mb === undefined ? {} : { resourceLimits: { stackSizeMb: mb } });
      const [d, isRangeError] = await new Promise((resolve) => w.once('message', resolve));
      console.log(`worker ${label}:`, check(d), isRangeError, w.resourceLimits.stackSizeMb);
      await new Promise((resolve) => w.once('exit', resolve));
    }
  })();
} else {
  parentPort.postMessage(depth());
}
