// process.exit() in main ends the process even while workers are still running.
const { Worker } = require('worker_threads');

const workers = [];
let online = 0;
for (let i = 0; i < 3; i++) {
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.postMessage('up');
    setInterval(() => {}, 1000);
  `, { eval: true });
  w.on('exit', (code) => console.log('worker exit event is not delivered', code));
  w.once('message', () => {
    if (++online === 3) {
      console.log('all workers up; exiting main with 4');
      process.exit(4);
    }
  });
  workers.push(w);
}
process.on('exit', (code) => console.log('main exit', code));
