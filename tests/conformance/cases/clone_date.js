// Dates clone to new Date objects with the same time value, including invalid dates.
const d = new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999));
d.extra = 'dropped?';
const c = structuredClone(d);
console.log(c instanceof Date, c !== d, c.getTime() === d.getTime(), c.toISOString());
console.log('expando kept', 'extra' in c);
const inv = structuredClone(new Date(NaN));
console.log(inv instanceof Date, Number.isNaN(inv.getTime()), String(inv));
console.log(structuredClone([new Date(0), new Date(-1), new Date(8.64e15)]).map((x) => x.toISOString()));
const same = new Date(5);
const pair = structuredClone({ a: same, b: same });
console.log('identity kept', pair.a === pair.b);
