console.log('slow: start');
export let value = 'pending';
await new Promise((resolve) => setTimeout(resolve, 10));
value = 'ready';
console.log('slow: end');
