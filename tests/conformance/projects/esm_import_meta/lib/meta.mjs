export const meta = import.meta;
export const resolveSibling = import.meta.resolve('./x.mjs');
