exports.kind = typeof require === 'function' ? 'cjs' : 'esm';
exports.file = 'legacy/a.js';
