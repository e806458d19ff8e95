export const a = 'a';
export const shared = 'shared from a';
export const same = 'same';
export default 'default of a';
