await null;
globalThis.tlaKind = typeof require === 'undefined' ? 'esm' : 'cjs';
