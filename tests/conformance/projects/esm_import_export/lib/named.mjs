export let a = 1;
const b = 2;
export function f() { return 'f'; }
export class C { static who() { return 'C'; } }
const hidden = 'hidden';
export { b, hidden as renamed, b as 'string name' };
export default a + b;
