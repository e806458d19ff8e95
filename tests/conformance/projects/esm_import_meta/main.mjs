// import.meta: url (file: URL), dirname and filename (paths), resolve() (sync,
// returns a URL string: relative to the module, bare packages through
// "exports" with the import condition, "imports", builtins, and a relative
// file that does not exist, which is not checked); a fresh object per module
// with a null prototype.
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const { meta, resolveSibling } = await import('./lib/meta.mjs');

console.log('url', rel(import.meta.url));
console.log('dirname', rel(import.meta.dirname), 'filename', rel(import.meta.filename));
console.log('url matches filename', import.meta.url === 'file://' + import.meta.filename);
console.log('keys', JSON.stringify(Object.keys(import.meta).sort()));
console.log('proto null', Object.getPrototypeOf(import.meta) === null, typeof import.meta.resolve);
console.log('lib url', rel(meta.url), 'lib dirname', rel(meta.dirname));
console.log('lib resolve sibling', rel(resolveSibling));
console.log('distinct objects', meta !== import.meta);
for (const spec of ['./lib/x.mjs', './lib/missing.mjs', 'pkg', 'pkg/sub', '#int', 'node:path', 'path', './lib/../lib/x.mjs']) {
  try { console.log('resolve', spec, '->', rel(import.meta.resolve(spec))); }
  catch (e) { console.log('resolve', spec, '!>', e.code, rel(e.message)); }
}
for (const spec of ['nope', 'pkg/not-exported', 'plain']) {
  try { console.log('resolve', spec, '->', rel(import.meta.resolve(spec))); }
  catch (e) { console.log('resolve', spec, '!>', e.code, rel(e.message).split('\n')[0]); }
}
import.meta.custom = 1;
console.log('writable', import.meta.custom);
