console.log('tick: start');
await null;
console.log('tick: after one microtask');
