export const zeta = 'z';
export const alpha = 'a';
export function Beta() {}
export let uninit;
export default 'def';
export { alpha as 'Alpha', zeta as _zeta };
