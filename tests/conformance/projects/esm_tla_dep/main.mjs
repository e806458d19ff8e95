// Top-level await in dependencies: a static import waits for the awaited
// value; import() of a module with TLA settles after its evaluation finishes;
// a module whose TLA throws makes import() reject with that error, again on
// every later import() (evaluated once, error cached), and also for a module
// that imports it. The namespace of a failed module is never handed out.
import { config } from './lib/config.mjs';
console.log('main: config', JSON.stringify(config));

const p = import('./lib/lazy.mjs');
console.log('main: import() called');
console.log('main: lazy', (await p).lazy);

let first;
try { await import('./lib/fails.mjs'); } catch (e) { first = e; console.log('main: first', e.message); }
try { await import('./lib/fails.mjs'); } catch (e) { console.log('main: second same error', e === first); }
try { await import('./lib/uses-fails.mjs'); } catch (e) { console.log('main: importer same error', e === first); }
