// Arrays: dense, sparse (holes stay holes), extra properties, length, nesting.
const sparse = [1, , 3];
sparse[10] = 'ten';
const c = structuredClone(sparse);
console.log(c, c.length, Object.keys(c), 1 in c, 5 in c);

const big = [];
big[1000] = 'end';
const cb = structuredClone(big);
console.log(cb.length, Object.keys(cb));

const withProps = [1, 2];
withProps.name = 'named';
withProps[-1] = 'negative';
const cp = structuredClone(withProps);
console.log(cp, Object.keys(cp));

const holesAndUndef = [undefined, , null];
const ch = structuredClone(holesAndUndef);
console.log(ch, 0 in ch, 1 in ch, 2 in ch);

console.log(structuredClone([[1, [2, [3, [4, [5]]]]], [], [[]]]));
console.log(Array.isArray(structuredClone(new Array(3))), structuredClone(new Array(3)));
