export const kind = typeof require === 'undefined' ? 'esm' : 'cjs';
