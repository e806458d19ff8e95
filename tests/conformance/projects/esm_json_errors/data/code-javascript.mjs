export const js = 'javascript';
