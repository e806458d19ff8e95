export const x = 'lib/x.mjs';
