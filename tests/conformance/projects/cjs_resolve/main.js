// require.resolve: returns the absolute filename without loading the module,
// builtins resolve to their own name, and { paths } replaces the lookup
// start points: each entry is used as a base for './x' and as a starting
// directory for the node_modules walk (relative entries are taken from the
// cwd); the first entry that resolves wins.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};
const R = require.resolve;

show('./lib/x', () => R('./lib/x'));
show('loaded?', () => require.cache[R('./lib/x')] !== undefined);
show('shared', () => R('shared'));
show('path', () => R('path'));
show('node:path', () => R('node:path'));
show('tool-dep', () => R('tool-dep'));
show('tool-dep paths [tools]', () => R('tool-dep', { paths: ['tools'] }));
show('shared paths [tools, .]', () => R('shared', { paths: ['tools', '.'] }));
show('shared paths [., tools]', () => R('shared', { paths: ['.', 'tools'] }));
show('shared paths [tools/b]', () => R('shared', { paths: [__dirname + '/tools/b'] }));
show('./x paths [lib, other]', () => R('./x', { paths: ['lib', 'other'] }));
show('./x paths [tools/b]', () => R('./x', { paths: [__dirname + '/tools/b'] }));
show('only-other paths [other]', () => R('only-other', { paths: ['other'] }));
show('tool-dep paths []', () => R('tool-dep', { paths: [] }));
show('path paths [tools]', () => R('path', { paths: ['tools'] }));
show('paths: string', () => R('shared', { paths: 'tools' }));
show('options {}', () => R('shared', {}));
show('request 42', () => R(42));
show('request ""', () => R(''));
show('missing', () => R('./missing'));
