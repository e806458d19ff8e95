// pnpm-style layout (see LINKS): node_modules/a links into the .pnpm store,
// and a's dependency b is a sibling link inside the store. a finds b because
// resolution starts from a's real path; main.js cannot see b (not hoisted).
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

const a = require('a');
show('a file', () => a.file);
show('a sees b', () => a.b);
show('b cached once', () => a.bAgain);
show('a paths', () => a.dirs.filter((p) => p.startsWith(__dirname)).join(' '));
show('main b', () => require('b'));
show('main resolve a', () => require.resolve('a'));
show('cache keys', () => Object.keys(require.cache).map(rel).sort().join(' '));
