// process.exitCode sets the code used when the event loop drains.
process.exitCode = 3;
console.log('exitCode set to', process.exitCode);
setTimeout(() => {
  process.exitCode = 4;
  console.log('changed in a timer to', process.exitCode);
}, 5);
process.on('exit', (code) => console.log('exit handler sees', code));
