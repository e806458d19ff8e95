// Builtins from ESM, bare and with node:: the default export is the CommonJS
// module.exports (the same object require() gives), named exports are its
// own enumerable properties, `import *` has both; the same module whether
// named 'x' or 'node:x'. Named exports are snapshots that
// module.syncBuiltinESMExports() refreshes. import() of a builtin.
import { EventEmitter, once } from 'events';
import events from 'node:events';
import path from 'node:path';
import { join, sep } from 'path';
import * as util from 'util';
import * as utilAgain from 'node:util';
import { Worker, isMainThread, parentPort } from 'worker_threads';
import process, { argv } from 'node:process';
import module, { createRequire, syncBuiltinESMExports } from 'module';

const require = createRequire(import.meta.url);
console.log('events default === require', events === require('events'), events === EventEmitter);
console.log('EventEmitter', typeof EventEmitter, EventEmitter === events.EventEmitter, once === events.once);
const e = new EventEmitter();
e.on('x', (v) => console.log('emitted', v));
e.emit('x', 42);
console.log('path', path === require('path'), join === path.join, sep, path.join('a', 'b', '..', 'c'));
console.log('util ns', Object.prototype.toString.call(util), util === utilAgain, 'default' in util,
            util.default === require('util'), util.format === util.default.format);
console.log('util.format', util.format('%s=%d', 'n', 5));
console.log('worker_threads', typeof Worker, isMainThread, parentPort);
console.log('process', process === globalThis.process, argv === process.argv);
console.log('module', module === require('module'), typeof module.builtinModules);

path.islet = 'added';
const ns = await import('node:path');
console.log('before sync', 'islet' in ns, ns.default.islet);
syncBuiltinESMExports();
console.log('after sync', ns.islet);
const originalJoin = path.join;
path.join = () => 'patched';
syncBuiltinESMExports();
console.log('patched join', join('a', 'b'), ns.join('a', 'b'));
path.join = originalJoin;
syncBuiltinESMExports();
console.log('restored join', join('a', 'b'));
