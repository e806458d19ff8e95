console.log('fails: evaluating');
export const never = 1;
await Promise.resolve();
throw new Error('dependency failed');
