// Import cycles: the module reached second (b) evaluates first and sees a's
// hoisted function declarations, but a's let/const bindings are in their
// temporal dead zone (ReferenceError, also for typeof); once a has run the
// bindings are live. A module may import itself. Each module runs once.
import { a } from './lib/a.mjs';
import { b, readA } from './lib/b.mjs';
import { check } from './lib/self.mjs';
console.log('main:', a, b, 'b reads a now:', readA(), 'self import', check());
