// process.exit() without an argument uses process.exitCode; an explicit code wins.
process.exitCode = 6;
process.on('exit', (code) => {
  console.log('exit handler', code);
  if (code === 6) process.exitCode = 2; // changing exitCode inside 'exit' changes the final code
});
console.log('calling process.exit()');
process.exit();
