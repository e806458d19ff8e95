// Uncaught in a queueMicrotask callback with no listener: the process ends
// with code 1 after its 'exit' listeners, and later microtasks do not run.
'use strict';
process.on('exit', (code) => console.log('exit', code));
console.log('start');
queueMicrotask(() => { throw new Error('boom'); });
queueMicrotask(() => console.log('never printed'));
setTimeout(() => console.log('timer never runs'), 5);
