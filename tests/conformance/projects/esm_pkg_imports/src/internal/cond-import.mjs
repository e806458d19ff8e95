export const file = 'src/internal/cond-import.mjs';
