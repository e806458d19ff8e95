// Self-reference: inside a package whose package.json has "exports", its own
// name resolves through those exports, before node_modules is searched (a
// node_modules/selfapp is ignored) and from any depth; unexported subpaths
// still fail. A package without "exports" cannot import itself by name.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

show('selfapp', () => require('selfapp'));
show('selfapp/feature', () => require('selfapp/feature'));
show('selfapp/lib/other', () => require('selfapp/lib/other'));
show('from lib/deep', () => require('./lib/deep/user.js').join(' '));
show('plain self', () => require('./packages/plain/self.js')());
show('inner', () => require('inner'));
show('@sc/me', () => require('@sc/me'));
