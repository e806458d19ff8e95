export const file = 'src/internal/helper.mjs';
