export let count = 0;
export function increment() { count += 1; }
export function reset() { count = 0; }
export let later;
export function setLater(v) { later = v; }
export default count; // the value of count now, not a binding
