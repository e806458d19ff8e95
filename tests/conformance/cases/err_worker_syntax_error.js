// A syntax error in eval'd worker code is reported through 'error', then exit 1.
const { Worker } = require('worker_threads');

const w = new Worker('const = 1;', { eval: true });
w.on('online', () => console.log('online: the thread started before the code failed to compile'));
w.on('error', (e) => console.log('error:', e instanceof SyntaxError, e.name));
w.on('exit', (code) => console.log('exit', code));
