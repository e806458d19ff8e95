// The 'uncaughtException' listener itself throws for an error from a
// queueMicrotask callback: exit code 7, as Node's.
'use strict';
process.on('uncaughtException', () => { throw new Error('handler failed'); });
process.on('exit', (code) => console.log('exit', code));
queueMicrotask(() => { throw new Error('boom'); });
