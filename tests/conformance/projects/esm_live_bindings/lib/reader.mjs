import { count } from './counter.mjs';
export const read = () => count;
