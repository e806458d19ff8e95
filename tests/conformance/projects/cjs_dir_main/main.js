// Requiring a directory: package.json "main" (with or without extension, a
// directory, a path with '..', a JSON file), then index.js before index.json,
// and an empty directory (MODULE_NOT_FOUND).
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};
const j = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

for (const d of ['withmain', 'noext', 'maindir', 'dotmain', 'nomain', 'emptymain',
                 'jsonmain', 'plain', 'both', 'onlyjson', 'nested', 'nested/inner', 'empty']) {
  show(d, () => j(require('./dirs/' + d)));
}
show('withmain/', () => require('./dirs/withmain/'));
show('withmain/index', () => require('./dirs/withmain/index'));
show('resolve withmain', () => require.resolve('./dirs/withmain'));
