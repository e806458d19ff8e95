export const where = 'lib/other.mjs (via lib/loader.cjs)';
