// Re-exports: `export *` (skips default; a name two stars export from
// different modules is ambiguous and left out, the same binding reached twice
// is fine; a local export beats the stars), `export * as ns`, and
// `export { x as y } from`; importing an ambiguous name is a SyntaxError.
// `export *` from a CommonJS module passes on its detected named exports.
import * as index from './lib/index.mjs';
import def, { a, b, same, own, bNs, aDefault, aRenamed } from './lib/index.mjs';
import * as wins from './lib/explicit-wins.mjs';
import * as starCjs from './lib/star-cjs.mjs';

console.log('index keys', JSON.stringify(Object.keys(index)));
console.log('values', a, b, same, own, aDefault, aRenamed, def);
console.log('shared in index', 'shared' in index);
console.log('bNs', Object.prototype.toString.call(bNs), JSON.stringify(Object.keys(bNs)), bNs.shared);
console.log('explicit-wins', JSON.stringify(Object.keys(wins)), wins.shared);
console.log('star from cjs', JSON.stringify(Object.keys(starCjs)), starCjs.fromCjs, starCjs.cjsDefault.alsoCjs);
try {
  await import('./lib/import-ambiguous.mjs');
} catch (e) {
  console.log('ambiguous', e.name, e.message.replaceAll(import.meta.dirname, '<root>'));
}
