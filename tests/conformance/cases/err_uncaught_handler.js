// process.on('uncaughtException') keeps the process alive; 'unhandledRejection' handler too.
process.on('uncaughtException', (err, origin) => {
  console.log('uncaughtException:', err.message, origin);
});
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandledRejection:', reason.message, promise instanceof Promise);
});
setTimeout(() => {
  throw new Error('thrown in timer');
}, 1);
setTimeout(() => {
  Promise.reject(new Error('rejected in timer'));
}, 20);
setTimeout(() => console.log('still running afterwards'), 40);
process.on('exit', (code) => console.log('exit', code));
