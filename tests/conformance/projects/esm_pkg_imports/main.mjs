// package.json "imports" from ESM: "#name" maps to a file, a "*" pattern, a
// package, a builtin by bare name (a node: URL target is invalid),
// conditions ("import" wins for ESM, "require" for createRequire); resolved
// against the nearest package.json (a nested one without "imports" hides the
// root's); a package uses its own "imports"; errors for undefined, null,
// invalid and bare "#" specifiers.
import { createRequire } from 'module';
import { file as fromSrc } from './src/from-src.mjs';
import { load } from './nested/inner.mjs';
const require = createRequire(import.meta.url);
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const show = async (label, fn) => {
  try { console.log(label, '->', await fn()); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['#internal', '#utils/helper', '#dep', '#cond', '#missing', '#hidden/x', '#outside', '#', '#/x']) {
  await show(id, async () => (await import(id)).file);
}
await show('#builtin', async () => (await import('#builtin')).sep);
await show('#builtin-url', async () => (await import('#builtin-url')).sep);
await show('require #cond', () => require('#cond').file);
await show('from src/', () => fromSrc);
await show('from nested/ (own package.json)', async () => (await load()).file);
await show('withimports', async () => (await import('withimports')).file);
await show('#own from the root', async () => (await import('#own')).file);
