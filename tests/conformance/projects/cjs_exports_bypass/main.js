// "exports" applies only to bare package specifiers: requiring the package
// directory or its files by relative or absolute path ignores it and falls
// back to "main" / index.js and plain file lookup; require.resolve with
// { paths } still applies it.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

show('locked', () => require('locked'));
show('locked/private/secret', () => require('locked/private/secret'));
show('./node_modules/locked', () => require('./node_modules/locked'));
show('./node_modules/locked/', () => require('./node_modules/locked/'));
show('./node_modules/locked/private/secret', () => require('./node_modules/locked/private/secret'));
show('absolute dir', () => require(__dirname + '/node_modules/locked'));
show('noMainLocked', () => require('noMainLocked'));
show('./node_modules/noMainLocked', () => require('./node_modules/noMainLocked'));
show('resolve locked paths [.]', () => require.resolve('locked', { paths: [__dirname] }));
show('resolve locked/private/secret paths', () => require.resolve('locked/private/secret', { paths: [__dirname] }));
