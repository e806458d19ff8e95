globalThis.evaluations = (globalThis.evaluations || 0) + 1;
export const url = import.meta.url;
export const filename = import.meta.filename;
export const n = globalThis.evaluations;
