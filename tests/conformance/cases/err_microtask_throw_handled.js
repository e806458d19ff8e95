// An error thrown in a queueMicrotask callback is an uncaught exception:
// 'uncaughtException' listeners get it at once, before the next microtask,
// and the process carries on.
'use strict';
process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
process.on('exit', (code) => console.log('exit', code));
queueMicrotask(() => { throw new Error('first'); });
Promise.resolve().then(() => console.log('promise reaction after it'));
queueMicrotask(() => console.log('next microtask'));
setTimeout(() => {
  queueMicrotask(() => { throw new TypeError('from a timer'); });
  queueMicrotask(() => console.log('still running'));
}, 5);
