await Promise.resolve();
export const t = 1;
