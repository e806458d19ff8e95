// The "module-sync" export condition (Node 20.19+, together with unflagged
// require(esm)): it matches for import and for require(), wherever it comes
// in the conditions object relative to "import"/"require" (first match in
// object order wins); require() of the matched .mjs returns its namespace.
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
for (const id of ['ms', 'ms/import-first', 'ms/require-first']) {
  console.log(id, 'import ->', (await import(id)).file, 'require ->', require(id).file);
}
