// Relative requires: an exact file name wins over added extensions, then
// .js before .json (.node is last), a file before a directory of that name,
// .cjs/.mjs are never added automatically, and '../' works from a subdir.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};
const j = (v) => JSON.stringify(v);

show('./lib/exact', () => require('./lib/exact'));
show('./lib/exact.js', () => require('./lib/exact.js'));
show('./lib/both', () => require('./lib/both'));
show('./lib/both.json', () => j(require('./lib/both.json')));
show('./lib/json', () => j(require('./lib/json')));
show('./lib/str', () => j(require('./lib/str')));
show('./lib/dirfile', () => require('./lib/dirfile'));
show('./lib/dirfile/', () => require('./lib/dirfile/'));
show('./lib/q', () => require('./lib/q'));
show('./lib/q.cjs', () => require('./lib/q.cjs'));
show('./lib/dots.v1', () => require('./lib/dots.v1'));
show('./lib/sub/up', () => require('./lib/sub/up'));
show('lib/exact (bare)', () => require('lib/exact'));
show('./lib//exact.js', () => require('./lib//exact.js'));
show('./lib/sub/../exact', () => require('./lib/sub/../exact'));
show('same object', () => require('./lib/both.json') === require('./lib/both.json'));
