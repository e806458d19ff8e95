// Specifiers are URLs, and the module map is keyed by the resolved URL: a
// query or a fragment makes a separate module instance (evaluated again;
// import.meta.url keeps them); resolution rebuilds the URL from the file's
// real path, so './lib/../x', a percent-encoded spelling ('%63' for 'c') and
// an absolute file: URL string all give the same module; backslashes are not
// separators (an invalid package name).
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const base = import.meta.url.slice(0, import.meta.url.lastIndexOf('/') + 1);
const rbase = (s) => String(s).split(base).join('<base>/');

const a = await import('./lib/counted.mjs');
const b = await import('./lib/../lib/counted.mjs');
const q = await import('./lib/counted.mjs?v=1');
const q2 = await import('./lib/counted.mjs?v=1');
const h = await import('./lib/counted.mjs#frag');
const abs = await import(base + 'lib/counted.mjs');
const enc = await import('./lib/%63ounted.mjs');
console.log('plain', a.n, rbase(a.url), 'dotdot same', a === b, 'absolute URL same', abs === a);
console.log('query', q.n, rbase(q.url), 'again same', q === q2);
console.log('fragment', h.n, rbase(h.url));
console.log('percent-encoded', enc.n, rbase(enc.url), rel(enc.filename));
try { await import('.\\lib\\counted.mjs'); } catch (e) { console.log('backslashes', e.code, rel(e.message)); }
