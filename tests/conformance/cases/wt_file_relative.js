// A relative worker file name starting with './' (resolved against the cwd in Node).
const { Worker } = require('worker_threads');

const w = new Worker('./fixtures/echo.js', { workerData: { tag: 'rel' } });
const inputs = [1, 'two', { three: 3 }, [4]];
let received = 0;
w.on('message', (m) => {
  console.log('reply', m);
  if (++received === inputs.length) w.postMessage('stop');
});
w.on('exit', (code) => console.log('exit', code));
for (const x of inputs) w.postMessage(x);
