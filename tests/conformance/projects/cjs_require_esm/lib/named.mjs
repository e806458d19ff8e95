export const a = 1;
export function f() { return 'f'; }
