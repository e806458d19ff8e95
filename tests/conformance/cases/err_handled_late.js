// A rejection handled within the same microtask checkpoint is not unhandled.
const p = Promise.reject(new Error('handled soon'));
queueMicrotask(() => {
  p.catch((e) => console.log('caught', e.message));
});
async function f() { throw new RangeError('async fn'); }
f().catch((e) => console.log('caught', e.name, e.message));
process.on('exit', (code) => console.log('exit', code));
