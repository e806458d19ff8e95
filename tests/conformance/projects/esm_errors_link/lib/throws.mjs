console.log('throws: evaluating');
export const before = 'set';
throw new TypeError('thrown while evaluating');
