// import() from ESM: returns a promise of the namespace (the same object as a
// static `import *` and on every call; the module is evaluated once, also for
// two concurrent calls); the specifier resolves against the module that
// contains the import() call; any value is converted with ToString; CommonJS
// (`{ where: '...' }` is not detected as a named export), bare packages and
// builtins work too.
import * as staticNs from './lib/sub/target.mjs';
import { load } from './lib/loader.mjs';

const p = import('./lib/sub/target.mjs');
console.log('promise', p instanceof Promise);
const ns = await p;
console.log('same namespace', ns === staticNs, ns === (await import('./lib/sub/target.mjs')));
console.log('keys', JSON.stringify(Object.keys(ns)), ns.default);
console.log('via loader ./sub/target.mjs', (await load('./sub/target.mjs')).where);
console.log('via loader ./target.mjs', (await load('./target.mjs')).where);
console.log('via loader same ns', (await load('./sub/target.mjs')) === ns);
const name = { toString: () => './lib/target.mjs' };
console.log('toString specifier', (await import(name)).where);
const cjs = await import('./lib/sub/target.js');
console.log('cjs', JSON.stringify(Object.keys(cjs)), cjs.default.where, cjs.where);
console.log('package', (await import('dep')).where);
const path = await import('node:path');
console.log('builtin', typeof path.default.join, path.join === path.default.join, path.sep);
const [a, b] = await Promise.all([import('./lib/target.mjs'), import('./lib/target.mjs')]);
console.log('concurrent same', a === b);
