export const yes = 'yes';
