// An uncaught exception in main: exit code 1, stdout has only what was printed before.
process.on('exit', (code) => console.log('exit handler runs with', code));
console.log('before the throw');
setTimeout(() => console.log('timer never runs'), 0);
throw new Error('uncaught in main');
