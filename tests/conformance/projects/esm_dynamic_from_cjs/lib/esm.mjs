export const where = 'lib/esm.mjs';
export default 'esm default';
