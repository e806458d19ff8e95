console.log('sync: runs while slow is still awaiting');
export const s = 's';
