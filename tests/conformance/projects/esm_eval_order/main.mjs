// Evaluation order of a static module graph: depth-first, dependencies before
// dependents, in the order of the import statements (a diamond's shared
// dependency d runs once, first time it is reached); imports are hoisted, so
// code written above an import runs after every imported module; CommonJS
// dependencies run in their place in that order; side-effect-only imports.
console.log('main: body starts (after all imports, though written first)');
import { order } from './lib/log.mjs';
import './lib/a.mjs';
import './lib/cjs.cjs';
import './lib/side.mjs';
import './lib/c.mjs';
console.log('main: order', order.join(' '));
