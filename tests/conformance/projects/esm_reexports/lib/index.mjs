export * from './a.mjs';
export * from './b.mjs';
export * as bNs from './b.mjs';
export { default as aDefault, a as aRenamed } from './a.mjs';
export { b as default } from './b.mjs';
export const own = 'own';
