export * from './a.mjs';
export * from './b.mjs';
export const shared = 'explicit local wins';
