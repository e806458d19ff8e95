// process.exit(n) in main: 'exit' handlers run, nothing after it runs, exit code is n.
process.on('exit', (code) => {
  console.log('exit handler', code, process.exitCode);
  setTimeout(() => console.log('timers do not run after exit'), 0);
});
setTimeout(() => console.log('pending timer never fires'), 1000);
Promise.resolve().then(() => console.log('microtask before exit? no'));
console.log('before exit');
process.exit(5);
console.log('after exit (not printed)');
