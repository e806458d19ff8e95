// Packages without "exports", imported from ESM: "main" names the entry,
// CommonJS main files give default = module.exports plus detected names; a
// main without extension gets the legacy lookup (.js, then dir/index.js), no
// main means index.js (not index.mjs), the "module" field is ignored, and a
// "type": "module" package's .js main is an ES module.
import cjsmain, { file as cjsFile } from 'cjsmain';
import { file as noext } from 'noext';
import { file as noextIndex } from 'noext-index';
import { file as nomain } from 'nomain';
import * as esmmain from 'esmmain';
import modulefield from 'modulefield';

console.log('cjsmain', cjsFile, cjsmain.kind, cjsmain.file === cjsFile);
console.log('noext', noext);
console.log('noext-index', noextIndex);
console.log('nomain', nomain);
console.log('esmmain', esmmain.file, esmmain.kind, 'default' in esmmain);
console.log('modulefield', modulefield.file);
const root = import.meta.dirname;
for (const id of ['cjsmain', 'noext', 'noext-index', 'nomain', 'esmmain']) {
  console.log('resolve', id, import.meta.resolve(id).split(root).join('<root>'));
}
