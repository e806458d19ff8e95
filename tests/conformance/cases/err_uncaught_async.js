// An exception thrown later from a timer callback also ends the process with code 1.
console.log('start');
setTimeout(() => {
  console.log('in timer, about to throw');
  throw new TypeError('from timer');
}, 1);
setTimeout(() => console.log('later timer never runs'), 50);
