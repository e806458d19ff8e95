export { count as viaReexport } from './counter.mjs';
