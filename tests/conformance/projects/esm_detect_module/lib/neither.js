globalThis.neitherKind = typeof require === 'undefined' ? 'esm' : 'cjs';
