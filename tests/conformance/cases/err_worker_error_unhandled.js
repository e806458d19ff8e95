// A worker 'error' with no 'error' listener is rethrown in main: main exits with 1.
// (No worker 'exit' listener here: whether it runs before main dies is a race in Node.)
const { Worker } = require('worker_threads');

const w = new Worker('throw new Error("unobserved worker failure")', { eval: true });
w.on('message', () => {});
process.on('exit', (code) => console.log('main exit', code));
console.log('main script done');
