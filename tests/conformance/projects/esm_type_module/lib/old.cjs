module.exports = { kind: typeof require === 'function' ? 'cjs' : 'esm', file: 'lib/old.cjs' };
