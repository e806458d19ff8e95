export const js = 'json';
