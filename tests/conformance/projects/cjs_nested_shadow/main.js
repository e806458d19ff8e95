// Nested node_modules shadow outer ones: a/ gets its own b@2 (also from a
// file deep inside a/), while main.js and c/ share the top-level b@1 as one
// cached instance.
const rel = (s) => String(s).split(__dirname).join('<root>');
const a = require('a');
const b = require('b');
const c = require('c');
console.log('main  b:', b.version, rel(b.file));
console.log('a     b:', a.b.version, rel(a.b.file));
console.log('a/lib b:', a.bFromLib.version, a.bFromLib === a.b);
console.log('c     b:', c.b.version, c.b === b);
console.log('a.c === c:', a.c === c);
console.log('two b instances:', a.b !== b);
