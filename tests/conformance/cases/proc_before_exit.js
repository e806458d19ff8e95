// 'beforeExit' fires when the loop drains and can schedule more work; 'exit' fires once at the end.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, 'round', rounds);
  if (rounds++ < 2) setTimeout(() => console.log('scheduled from beforeExit', rounds), 1);
});
process.on('exit', (code) => console.log('exit', code));
console.log('main script done');
