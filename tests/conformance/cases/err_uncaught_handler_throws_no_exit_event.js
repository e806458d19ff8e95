// The 'uncaughtException' listener throws for an error from a timer: Node
// exits with code 7 and does not run the process's 'exit' listeners.
'use strict';
process.on('uncaughtException', () => { throw new Error('handler failed'); });
process.on('exit', (code) => console.log('exit', code));
console.log('start');
setTimeout(() => { throw new Error('boom'); }, 1);
