export * from './cjs.cjs';
export { default as cjsDefault } from './cjs.cjs';
