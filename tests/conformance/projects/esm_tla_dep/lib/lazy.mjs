console.log('lazy: start');
await new Promise((resolve) => setTimeout(resolve, 5));
export const lazy = 'lazy done';
console.log('lazy: end');
