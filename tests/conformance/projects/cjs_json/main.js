// JSON modules: any JSON value (object, array, number, null), a UTF-8 BOM is
// stripped, the parsed value is cached (same object, mutations visible), and
// a syntax error is a SyntaxError whose message is '<path>: ' followed by
// JSON.parse's own message. Other extensions load as JavaScript.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.name, e.code, rel(e.message).split('\n')[0]); }
};
const j = JSON.stringify;

for (const f of ['obj', 'arr', 'num', 'null', 'unicode', 'bom']) show(f, () => j(require(`./data/${f}.json`)));
const o = require('./data/obj.json');
o.added = 1;
show('cached + mutated', () => require('./data/obj').added === 1 && require('./data/obj.json') === o);
show('module.exports', () => j(Object.keys(require.cache[require.resolve('./data/obj.json')].exports)));

const parseError = (text) => { try { JSON.parse(text); } catch (e) { return e.message; } };
for (const [f, text] of [['bad', '{ "a": 1, }\n'], ['empty', '']]) {
  try { require(`./data/${f}.json`); } catch (e) {
    const prefix = `<root>/data/${f}.json: `;
    const m = rel(e.message);
    console.log(f, e.name, e.code, m.startsWith(prefix), m.slice(prefix.length) === parseError(text));
  }
}
show('bad again (not cached)', () => require.cache[require.resolve('./data/bad.json')] === undefined);
show('notjson.txt as JS', () => require('./data/notjson.txt'));
