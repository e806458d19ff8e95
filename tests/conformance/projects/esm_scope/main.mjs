// The scope of an ES module: no CommonJS wrapper variables (require, module,
// exports, __filename, __dirname are undeclared; typeof gives 'undefined'
// and using them is a ReferenceError), `this` is undefined at top level,
// strict mode is on, top-level var/function do not become globals,
// `arguments` is not defined; process.argv[1] is the entry's absolute path;
// import.meta.main does not exist in Node 20, nor process.mainModule; the
// global object is shared between modules.
import { seen, thisValue } from './lib/other.mjs';
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');

console.log('typeof', typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname);
try { require('path'); } catch (e) { console.log('require()', e.name, e.message); }
try { __filename; } catch (e) { console.log('__filename', e.name, e.message); }
console.log('this', this, thisValue);
console.log('strict', (function () { return this; })() === undefined);
try { undeclared = 1; } catch (e) { console.log('sloppy assignment', e.name, e.message); }
var topVar = 'main var';
function topFn() {}
console.log('globals', 'topVar' in globalThis, 'topFn' in globalThis, seen);
console.log('arguments', typeof arguments);
console.log('argv[1]', rel(process.argv[1]), process.argv.length);
console.log('import.meta.main', import.meta.main, 'main' in import.meta);
globalThis.shared = 'set in main';
const { read } = await import('./lib/reader.mjs');
console.log('globalThis shared', read());
console.log('process.mainModule', typeof process.mainModule);
