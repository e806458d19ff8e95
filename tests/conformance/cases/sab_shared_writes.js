// A SharedArrayBuffer sent to a worker is shared, not copied: writes are visible both ways.
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const view = new Int32Array(sab);
view[0] = 1;
const w = new Worker(`
  const { parentPort, workerData } = require('worker_threads');
  const view = new Int32Array(workerData.sab);
  parentPort.postMessage('worker sees ' + view[0]);
  view[1] = 42;
  parentPort.once('message', () => {
    parentPort.postMessage('worker sees after main wrote: ' + view[2]);
    parentPort.close();
  });
  parentPort.postMessage('written');
`, { eval: true, workerData: { sab } });

w.on('message', (m) => {
  console.log(m);
  if (m === 'written') {
    console.log('main sees', view[1]);
    view[2] = 7;
    w.postMessage('go');
  }
});
w.on('exit', (code) => console.log('exit', code, 'sab still usable', sab.byteLength));
