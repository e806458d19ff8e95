// require('module'): builtinModules lists builtin names without the 'node:'
// prefix (a frozen array) and leaves out prefix-only modules like node:test;
// Module.isBuiltin accepts both spellings, subpath builtins, and rejects
// unknown names and non-strings. Module is the constructor of `module`.
const Module = require('module');
const { builtinModules, isBuiltin } = Module;
const has = (n) => builtinModules.includes(n);

console.log('array', Array.isArray(builtinModules), 'frozen', Object.isFrozen(builtinModules));
console.log('includes', ['path', 'util', 'events', 'assert', 'os', 'worker_threads', 'timers',
  'process', 'console', 'module', 'path/posix', 'util/types', 'timers/promises']
  .map((n) => `${n}=${has(n)}`).join(' '));
console.log('excludes', ['node:path', 'test', 'node:test', 'nope', 'internal/util']
  .map((n) => `${n}=${has(n)}`).join(' '));
console.log('no prefixed entries', builtinModules.every((n) => !n.startsWith('node:')));
console.log('isBuiltin', ['path', 'node:path', 'worker_threads', 'node:worker_threads', 'util/types',
  'node:util/types', 'node:test', 'test', 'nope', 'node:nope', 'internal/util', 'path/', 'PATH', '']
  .map((n) => `${JSON.stringify(n)}=${isBuiltin(n)}`).join(' '));
console.log('isBuiltin non-strings', isBuiltin(), isBuiltin(42), isBuiltin({}));
console.log('module === node:module', require('module') === require('node:module'));
console.log('Module.Module', Module.Module === Module, 'constructor', module.constructor === Module);
console.log('functions', typeof Module.createRequire, typeof Module.isBuiltin, typeof Module.wrap);
