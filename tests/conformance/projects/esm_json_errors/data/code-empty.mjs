export const js = 'empty';
