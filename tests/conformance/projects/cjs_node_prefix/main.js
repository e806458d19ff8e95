// 'node:' prefix and builtin precedence: require('node:x') === require('x');
// builtins win over same-named packages in node_modules, except with a
// trailing slash ('events/') which always goes to node_modules; prefix-only
// builtins (node:test) leave the bare name free for packages; an unknown
// 'node:' name throws ERR_UNKNOWN_BUILTIN_MODULE.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.name, e.code, rel(e.message).split('\n')[0]); }
};

show('node:path === path', () => require('node:path') === require('path'));
show('node:events === events', () => require('node:events') === require('events'));
show('events is builtin', () => typeof require('events').EventEmitter);
show('events/', () => require('events/'));
show('util', () => typeof require('util').inspect);
show('util/', () => require('util/'));
show('test', () => require('test'));
show('nope', () => require('nope'));
show('node:nope', () => require('node:nope'));
show('node:', () => require('node:'));
show('NODE:path', () => require('NODE:path'));
show('node:events/', () => require('node:events/'));
show('resolve events', () => require.resolve('events'));
show('resolve events/', () => require.resolve('events/'));
show('resolve node:nope', () => require.resolve('node:nope'));
show('not in cache', () => require.cache.events === undefined && require.cache['node:events'] === undefined);
