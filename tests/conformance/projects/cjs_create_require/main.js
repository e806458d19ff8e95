// module.createRequire(filename): a require function that resolves as if
// called from that file (relative requests, node_modules walk, its
// require.resolve and .paths); it shares require.cache with everyone. The
// file need not exist; a directory needs a trailing slash (without one its
// last segment is taken as the file name); file: URL strings are accepted,
// relative paths are not.
const { createRequire } = require('module');
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

const subReq = createRequire(__dirname + '/sub/not-a-real-file.js');
show('keys', () => JSON.stringify(Object.keys(subReq)));
show('sub ./x', () => subReq('./x'));
show('sub subdep', () => subReq('subdep'));
show('sub topdep', () => subReq('topdep'));
show('main subdep', () => require('subdep'));
show('sub resolve ./x', () => subReq.resolve('./x'));
show('sub resolve.paths', () => subReq.resolve.paths('q').filter((p) => p.startsWith(__dirname)).join(' '));
show('shared cache', () => subReq.cache === require.cache && subReq('./x') === require('./sub/x.js'));
show('sub main', () => subReq.main === module);
show('dir with slash ./x', () => createRequire(__dirname + '/sub/')('./x'));
show('dir without slash ./x', () => createRequire(__dirname + '/sub')('./x'));
show('file URL ./x', () => createRequire('file://' + __dirname + '/sub/y.js')('./x'));
show('builtin', () => subReq('path') === require('path'));
show('relative', () => createRequire('sub/x.js'));
show('number', () => createRequire(42));
