// package.json "imports": '#name' specifiers map, for files of this package
// only, to files (also JSON), patterns (longest prefix wins), conditions
// (nested too), external packages (no extension probing) and array fallbacks.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};
const j = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

for (const id of ['#dep', '#config', '#utils/str', '#utils/deep/num', '#utils/special/one',
                  '#env', '#nested', '#ext', '#ext-sub', '#ext-noext', '#arr']) {
  show(id, () => j(require(id)));
}
show('resolve #utils/str', () => require.resolve('#utils/str'));
show('from src/deep', () => require('./src/deep/user.js'));
