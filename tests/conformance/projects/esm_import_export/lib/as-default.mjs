const x = 'x';
function named() { return 'named'; }
export { named as default, x };
