// Packages reached through symlinks (node_modules/a -> ../packages/a, see
// LINKS) from ESM: the resolved URL is the file's real path
// (import.meta.url, import.meta.resolve), so importing via the link, via the
// real path, or from another linked package gives one module instance;
// "type" and "exports" come from the real package directory.
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const a = await import('a');
const viaLink = await import('./node_modules/a/src/index.js');
const viaReal = await import('./packages/a/src/index.js');
console.log('a url', rel(a.url));
console.log('a filename', rel(a.filename));
console.log('resolve a', rel(import.meta.resolve('a')));
console.log('same via link path', viaLink === a, 'same via real path', viaReal === a);
console.log('b (CommonJS) filename', rel(a.b.filename));
console.log('b imports a: same instance', (await a.b.a()) === a);
a.bump();
const state = await import('./packages/a/src/state.js');
console.log('shared state', state.count, (await import('a/state')).count);
