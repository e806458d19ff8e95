export { nope as renamed } from './a.mjs';
