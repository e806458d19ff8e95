export const kind = typeof require === 'undefined' ? 'esm' : 'cjs';
export default 'lib/util.js';
