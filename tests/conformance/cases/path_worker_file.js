// The usual way to name a worker's file: path.join/resolve with __dirname.
const path = require('path');
const { Worker } = require('worker_threads');
for (const file of [path.join(__dirname, 'fixtures', 'echo.js'),
                    path.resolve(__dirname, './fixtures/../fixtures/echo.js')]) {
  const w = new Worker(file);
  w.on('message', (m) => { console.log(path.basename(file), 'echoed', m); w.terminate(); });
  w.postMessage('hi');
}
