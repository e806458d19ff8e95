// "type": "module" in the nearest package.json makes .js files ES modules (the
// entry main.js itself included); .mjs is always ESM and .cjs always CommonJS;
// a nested package.json with "type": "commonjs", or with no "type" at all,
// makes the .js files below it CommonJS again (the nearest package.json wins,
// even one without "type").
import def, { kind } from './lib/util.js';
import old from './lib/old.cjs';
import { kind as explicitKind } from './lib/explicit.mjs';
import legacyA from './legacy/a.js';
import { kind as legacyB } from './legacy/b.mjs';
import nestedC from './nested/c.js';
import nestedD from './nested/deeper/d.js';

console.log('main.js', typeof require === 'undefined' ? 'esm' : 'cjs', this === undefined);
console.log('lib/util.js', kind, def);
console.log('lib/old.cjs', old.kind, old.file);
console.log('lib/explicit.mjs', explicitKind);
console.log('legacy/a.js', legacyA.kind, legacyA.file);
console.log('legacy/b.mjs', legacyB);
console.log('nested/c.js', nestedC.kind);
console.log('nested/deeper/d.js', nestedD.kind);
