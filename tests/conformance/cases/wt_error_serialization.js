// An error a worker does not catch reaches its parent's 'error' event as
// Node's error serialization sends it: the standard constructor found on
// its prototype chain, every property along the chain (cause, errors, own
// name, extra data) and a stack decorated with the line it was thrown from.
'use strict';
const { Worker } = require('worker_threads');
const srcs = [
  'const e = new Error("with cause", { cause: new Error("inner") }); throw e',
  'throw new AggregateError([new Error("a"), 2], "agg")',
  'class MyErr extends Error {}; throw new MyErr("sub")',
  'const e = new Error("x"); e.name = "Renamed"; throw e',
  'const e = new RangeError("r"); e.info = { n: [1, 2] }; e.when = new Date(0); throw e',
];
(async () => {
  for (const src of srcs) {
    await new Promise(res => {
      const w = new Worker(src, { eval: true });
      w.on('error', e => {
        console.log(e.constructor.name, e.name, e.message, Object.keys(e).sort(), typeof e.stack, e.stack.split('\n')[0]);
        if (e.cause) console.log('  cause', e.cause.constructor.name, e.cause.message);
        if (e.errors) console.log('  errors', e.errors.length);
        if (e.info) console.log('  info', e.info, e.when instanceof Date);
      });
      w.on('exit', res);
    });
  }
})();
