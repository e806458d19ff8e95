// Module syntax detection (unflagged in Node 20.19): a .js file under a
// package.json without "type" is run as an ES module when it only parses as
// one (import/export, import.meta, top-level await), entry main.js included;
// otherwise it stays CommonJS; also inside node_modules; an explicit
// "type": "commonjs" turns detection off (SyntaxError).
import { kind as esmKind } from './lib/esm-syntax.js';
import cjs from './lib/cjs-syntax.js';
import './lib/tla-only.js';
import './lib/neither.js';
import './lib/import-meta.js';
import { kind as typeless } from 'typeless';

console.log('main.js', typeof require === 'undefined' ? 'esm' : 'cjs', this);
console.log('esm-syntax.js', esmKind);
console.log('cjs-syntax.js', cjs.kind);
console.log('tla-only.js', globalThis.tlaKind);
console.log('neither.js', globalThis.neitherKind);
console.log('import-meta.js', globalThis.metaKind);
console.log('typeless package', typeless);
try { await import('./typed/esm-syntax.js'); } catch (e) { console.log('typed commonjs', e.name); }
