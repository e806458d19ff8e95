export const file = 'src/internal/index.mjs';
