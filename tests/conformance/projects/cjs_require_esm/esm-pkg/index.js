export const where = 'esm-pkg/index.js';
