// Symlinked files and directories (see LINKS): a linked file runs with the
// real __filename and resolves its relative requires from the real directory
// (real/helper.js, not links/helper.js); link chains collapse to the real
// file, one cache entry serves every alias, and a dangling link is
// MODULE_NOT_FOUND.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

const alias = require('./links/alias');
show('alias file', () => alias.file);
show('alias helper', () => alias.helper);
show('chain same', () => require('./links/chain.js') === alias);
show('dir link same', () => require('./links/dir/impl') === alias);
show('real same', () => require('./real/impl') === alias);
show('resolve alias', () => require.resolve('./links/alias'));
show('resolve chain', () => require.resolve('./links/chain.js'));
show('json via link', () => require('./links/data.json').from);
show('json same', () => require('./links/data.json') === require('./real/data.json'));
show('links/helper', () => require('./links/helper'));
show('dangling', () => require('./links/dangling.js'));
show('cache keys', () => Object.keys(require.cache).map(rel).sort().join(' '));
