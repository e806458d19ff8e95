export default { d: 1 };
export const b = 2;
