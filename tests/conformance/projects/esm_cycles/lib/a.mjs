import { b, fromB } from './b.mjs';
console.log('a: evaluating, b =', b, fromB());
export const a = 'a value';
export function hoisted() { return 'hoisted function of a'; }
export let late = 'late';
