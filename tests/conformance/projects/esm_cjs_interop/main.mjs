// CommonJS from ESM: the default export is always module.exports (also for
// primitives, null, functions and classes, and also when __esModule is set:
// exports.default is then just a named export, `default.default`); __esModule
// itself is a named export. A name the lexer cannot see (assigned in a loop)
// is a SyntaxError when imported by name; the default export still has it.
import transpiled, * as tns from './lib/transpiled.cjs';
import * as flag from './lib/flag-only.cjs';
import primitive from './lib/primitive.cjs';
import nul from './lib/null.cjs';
import Thing from './lib/class.cjs';
import dynamic from './lib/dynamic.cjs';
import * as dns from './lib/dynamic.cjs';

console.log('transpiled default', typeof transpiled, transpiled.default, transpiled.named);
console.log('transpiled ns', JSON.stringify(Object.keys(tns)), tns.default === transpiled, tns.__esModule);
console.log('flag-only', JSON.stringify(Object.keys(flag)), flag.default.other);
console.log('primitive', primitive, 'null', nul);
console.log('class', Thing.name, Thing.make());
console.log('dynamic default', JSON.stringify(dynamic), 'ns', JSON.stringify(Object.keys(dns)));
try {
  await import('./lib/imports-dynamic.mjs');
} catch (e) {
  console.log('import by name:', e.name);
  console.log(e.message);
}
