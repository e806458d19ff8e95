// Subpath "exports" from ESM: exact subpaths, "*" patterns (the longest
// matching prefix wins; every "*" in the target gets the match), a null
// target hides a subpath, pattern targets may change the extension (.cjs),
// an array falls back only past invalid targets (a valid target that is
// missing is an error), targets outside the package are invalid, the
// package can import itself by name, and deep paths not listed are blocked.
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const ids = ['lib', 'lib/utils', 'lib/features/a', 'lib/features/a.mjs', 'lib/features/deep/x',
  'lib/features/internal/secret', 'lib/twice/utils', 'lib/cjs/helper.js', 'lib/fallback', 'lib/fallback-invalid',
  'lib/bad-target', 'lib/self', 'lib/src/index.mjs', 'lib/package.json'];
for (const id of ids) {
  try { console.log(id, '->', (await import(id)).file); }
  catch (e) { console.log(id, '!>', e.code, rel(e.message).split('\n')[0]); }
}
