// A top-level await that can never settle (nothing left in the event loop):
// Node stops with exit code 13 ("unsettled top-level await", a warning on
// stderr); the 'exit' event fires with code 0 while process.exitCode reads 13.
// Work scheduled before the await still runs first.
process.on('exit', (code) => console.log('exit event', code, process.exitCode));
setTimeout(() => console.log('timer runs before the loop empties'), 10);
console.log('before await');
await new Promise(() => {});
console.log('not reached');
