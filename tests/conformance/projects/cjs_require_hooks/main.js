// Hooks real tools use: Module.prototype.require is what every module's
// require() calls (patching it sees nested requires, builtins included);
// require.extensions (=== Module._extensions) gains a handler for '.txt',
// which extension probing then tries after .js/.json/.node.
const Module = require('module');
const path = require('path');
const rel = (s) => String(s).split(__dirname).join('<root>');

const seen = [];
const original = Module.prototype.require;
Module.prototype.require = function (id) {
  seen.push(`${path.basename(this.filename)}:${id}`);
  return original.apply(this, arguments);
};
console.log(require('./lib/a'));
console.log('seen', JSON.stringify(seen));
Module.prototype.require = original;

console.log('same object', require.extensions === Module._extensions);
require.extensions['.txt'] = function (module, filename) {
  module.exports = `txt handler for ${path.basename(filename)}`;
};
console.log('keys', JSON.stringify(Object.keys(require.extensions)));
console.log(require('./data/note'));
console.log(require('./data/note.txt') === require('./data/note'));
console.log(require('./data/both'));
console.log(rel(require.resolve('./data/both.txt')));
delete require.extensions['.txt'];
try { require('./data/both.txt'); console.log('both.txt loaded as JS?'); }
catch (e) { console.log('without handler: .txt runs as JS:', e.name); }
