export const where = 'lib/target.mjs';
