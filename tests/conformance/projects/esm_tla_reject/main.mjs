// A rejected top-level await in the entry module: what ran before it is
// printed, the rest of the body and pending timers do not run, the process
// exits with code 1 (the 'exit' event fires with 1) and the rejection is not
// reported to 'unhandledRejection' listeners.
process.on('exit', (code) => console.log('exit event', code, process.exitCode));
process.on('unhandledRejection', (e) => console.log('unhandledRejection', e.message));
setTimeout(() => console.log('timer never runs'), 1000);
console.log('before await');
await null;
console.log('after a resolved await');
await Promise.reject(new Error('top-level boom'));
console.log('not reached');
