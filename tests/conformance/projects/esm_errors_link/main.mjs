// Errors after resolution, caught through import(): a SyntaxError in the
// imported module or in one of its dependencies (nothing in the graph runs);
// importing a name, or default, that an ES module does not export, directly or
// through `export { x } from` (SyntaxError "does not provide an export named",
// and no module of that graph is evaluated); an exception thrown while a
// module evaluates rejects import() with that very error, also the next time.
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const tryImport = async (spec, full) => {
  try {
    await import(spec);
    console.log(spec, '-> loaded');
  } catch (e) {
    console.log(spec, '!>', e.name, e instanceof SyntaxError, e.code, full ? rel(e.message) : '');
    return e;
  }
};
await tryImport('./lib/bad-syntax.mjs', false);
await tryImport('./lib/imports-bad-syntax.mjs', false);
await tryImport('./lib/missing-name.mjs', true);
await tryImport('./lib/reexport-missing.mjs', true);
await tryImport('./lib/default-missing.mjs', true);
const first = await tryImport('./lib/throws.mjs', true);
const second = await tryImport('./lib/throws.mjs', true);
console.log('same error object', first === second);
await tryImport('./lib/a.mjs', true);
