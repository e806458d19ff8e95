// A dual package: "exports" conditions pick "import" for ESM (import and
// import()) and "require" for createRequire(), nested conditions too; the
// first matching key in object order wins ("default" before "import");
// "module" is not a Node condition; a subpath with only one of the two
// conditions is not exported to the other side. The two copies are distinct
// instances with separate state (the dual package hazard).
import { createRequire } from 'module';
import * as esm from 'dual';
import { file as nested } from 'dual/nested';
import { file as defaultFirst } from 'dual/default-first';
const require = createRequire(import.meta.url);
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const show = async (label, fn) => {
  try { console.log(label, '->', await fn()); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

await show('import dual', () => esm.file);
await show('require dual', () => require('dual').file);
await show('import dual/nested', () => nested);
await show('require dual/nested', () => require('dual/nested').file);
await show('import dual/default-first', () => defaultFirst);
await show('import() dual/import-only', async () => (await import('dual/import-only')).file);
await show('require dual/import-only', () => require('dual/import-only').file);
await show('import() dual/require-only', async () => (await import('dual/require-only')).file);
await show('require dual/require-only', () => require('dual/require-only').file);
await show('import() dual/package.json', async () => (await import('dual/package.json', { assert: { type: 'json' } })).default.name);
esm.bump();
await show('hazard', () => `esm state ${esm.state}, cjs state ${require('dual').state}`);
await show('resolve', () => rel(import.meta.resolve('dual')) + ' ' + rel(require.resolve('dual')));
