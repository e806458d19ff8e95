exports.kind = typeof require === 'undefined' ? 'esm' : 'cjs';
