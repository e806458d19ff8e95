// A rejected top-level await in the entry module goes to 'uncaughtException'
// listeners with origin 'unhandledRejection' (yet the 'unhandledRejection'
// event itself does not fire): with such a listener the process goes on,
// timers still run and the exit code is 0.
process.on('exit', (code) => console.log('exit event', code, process.exitCode));
process.on('unhandledRejection', (e) => console.log('unhandledRejection', e.message));
process.on('uncaughtException', (e, origin) => console.log('uncaughtException', e.message, origin));
setTimeout(() => console.log('timer still runs'), 10);
console.log('before await');
await Promise.reject(new Error('top-level boom'));
console.log('not reached');
