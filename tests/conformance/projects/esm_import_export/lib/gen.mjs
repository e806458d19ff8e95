export function* gen() { yield 1; yield 2; }
export async function af() { return 'async'; }
export const { d1, d2: [d3] } = { d1: 'destructured', d2: ['array'] };
export var v = 'var';
