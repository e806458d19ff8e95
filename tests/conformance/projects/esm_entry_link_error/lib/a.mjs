console.log('lib/a.mjs: not evaluated either');
export const yes = 'yes';
