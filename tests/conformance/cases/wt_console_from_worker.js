// console.log inside a worker goes to the process's stdout.
const { Worker } = require('worker_threads');

const w = new Worker(`
  console.log('worker line 1');
  console.log('worker %s %d', 'formatted', 42, { obj: [1, 2] });
  console.log(new Map([[1, 'one']]));
`, { eval: true });
w.on('exit', (code) => console.log('main: worker exited', code));
