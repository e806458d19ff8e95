// Top-level await ordering: a module that awaits suspends only the modules
// that depend on it; siblings with no such dependency evaluate meanwhile, in
// import order; a dependent (after-slow) runs when its dependency finishes;
// the entry body runs last. Promise jobs queued by the modules interleave.
import './lib/slow.mjs';
import './lib/tick.mjs';
import { s } from './lib/sync.mjs';
import { t } from './lib/after-slow.mjs';
import { value } from './lib/slow.mjs';

console.log('main: body', s, t, value);
await null;
console.log('main: after await');
setTimeout(() => console.log('main: timer'), 0);
