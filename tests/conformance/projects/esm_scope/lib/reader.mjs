export const read = () => globalThis.shared;
