import { value } from './slow.mjs';
console.log('after-slow: sees', value);
export const t = 't';
