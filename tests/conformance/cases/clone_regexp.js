// RegExps keep source and flags; lastIndex and extra properties are not kept.
const cases = [/abc/, /a.b/gimsuy, /[\u{1F600}]/u, new RegExp('a/b', 'g'), /(?<year>\d{4})-(?<m>\d\d)/d, /\//];
for (const re of cases) {
  re.lastIndex = 2;
  const c = structuredClone(re);
  console.log(String(c), c.source, JSON.stringify(c.flags), 'lastIndex', c.lastIndex, c instanceof RegExp, c !== re);
}
const re = /x/g;
re.custom = 1;
console.log('custom kept', 'custom' in structuredClone(re));
const m = structuredClone(/(?<year>\d{4})/).exec('in 2024');
console.log(m.groups.year);
