exports.kind = typeof require === 'function' ? 'cjs' : 'esm';
