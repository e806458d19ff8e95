// Worker file names that Node rejects synchronously, and a missing file reported by 'error'.
const { Worker } = require('worker_threads');

for (const name of ['fixtures/echo.js', 'no-such-file.js', 'fixtures\\echo.js']) {
  try {
    new Worker(name);
    console.log(name, 'accepted');
  } catch (e) {
    console.log(JSON.stringify(name), e.name, e.code);
  }
}
try {
  new Worker(42);
} catch (e) {
  console.log('number:', e.name, e.code);
}
const w = new Worker('./fixtures/does-not-exist.js');
w.on('error', (e) => console.log('missing file error event:', e.code));
w.on('exit', (code) => console.log('exit', code));
