// Loads runtime/js/lib/path.js the way islet loads a builtin module: its
// source as the body of a function of
//   (exports, require, module, internalBinding, primordials)
// with `primordials` the real table (runtime/js/lib/internal/primordials.js,
// itself evaluated as such a module body, given an internalBinding('builtins')
// over islet's sources: `bootstrap` and every runtime/js/lib/**/*.js by its
// id, as runtime/js/BUILD.bazel embeds them) and stand-ins for the rest of
// islet:
//   internalBinding('process').envGet(name)  process.env[name] (a string or
//                                            undefined)
//   require('internal/errors').invalidArgType(name, expected, actual)
//                                            Node's ERR_INVALID_ARG_TYPE
//                                            TypeError, worded as Node words it
//   require('internal/process').info.cwd     a getter: process.cwd() now
// Anything else the module asks for throws.
//
//   require('./load_islet_path.js').load()    the module's exports
//   node -r ./load_islet_path.js script.js     the script's require('path')
//                                              (and 'node:path') get it
'use strict';

const fs = require('fs');
const nodePath = require('path');
const util = require('util');
const vm = require('vm');
const Module = require('module');

const repoRoot = nodePath.resolve(__dirname, '..', '..');
const pathFile = nodePath.join(repoRoot, 'runtime', 'js', 'lib', 'path.js');
const primordialsFile = nodePath.join(repoRoot, 'runtime', 'js', 'lib', 'internal', 'primordials.js');

// islet calls a builtin module's body as a function of these five parameters.
const PARAMS = ['exports', 'require', 'module', 'internalBinding', 'primordials'];

function evaluateModule(file, requireFn, internalBindingFn, primordials) {
  const body = vm.compileFunction(fs.readFileSync(file, 'utf8'), PARAMS, { filename: file });
  const module = { exports: {} };
  Reflect.apply(body, module.exports,
                [module.exports, requireFn, module, internalBindingFn, primordials]);
  return module.exports;
}

// Node's ERR_INVALID_ARG_TYPE, worded as Node words it.
function describeReceived(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return `an instance of ${value.constructor.name}`;
    }
    return util.inspect(value, { depth: -1 });
  }
  // A long string (only a string) is cut to 25 characters.
  const cut = typeof value === 'string' && value.length > 28 ? `${value.slice(0, 25)}...` : value;
  return `type ${typeof value} (${util.inspect(cut, { colors: false })})`;
}
function invalidArgType(name, expected, actual) {
  const error = new TypeError(`The "${name}" argument must be ${expected}. ` +
                              `Received ${describeReceived(actual)}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

const shims = {
  __proto__: null,
  'internal/errors': { __proto__: null, invalidArgType },
  'internal/process': {
    __proto__: null,
    // A getter, so that a process.chdir() (or a child run elsewhere) is seen.
    info: { __proto__: null, get cwd() { return process.cwd(); } },
  },
};
function isletRequire(id) {
  if (id in shims) return shims[id];
  throw new Error(`load_islet_path: path.js required '${id}', which the loader does not provide`);
}

const bindings = {
  __proto__: null,
  process: { __proto__: null, envGet: (name) => process.env[name] },
};
function isletInternalBinding(name) {
  if (name in bindings) return bindings[name];
  throw new Error(`load_islet_path: path.js asked for internalBinding('${name}'), ` +
                  'which the loader does not provide');
}

// internalBinding('builtins') as primordials.js sees it: islet's embedded
// sources. (The third-party internal/deps/ modules are left out; primordials.js
// skips them anyway.)
function builtinSources() {
  const sources = { __proto__: null };
  sources.bootstrap = nodePath.join(repoRoot, 'runtime', 'js', 'bootstrap.js');
  const lib = nodePath.join(repoRoot, 'runtime', 'js', 'lib');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        sources[nodePath.relative(lib, full).slice(0, -3).split(nodePath.sep).join('/')] = full;
      }
    }
  };
  walk(lib);
  return sources;
}
// The native `builtins` module's read-only side: builtinIds(),
// internalSource(id), and builtinIdentifiers() (every identifier in the
// sources outside internal/deps/, each once; runtime/worker/bindings.cc).
function builtinsBinding() {
  const sources = builtinSources();
  const internalSource = (id) => (id in sources ? fs.readFileSync(sources[id], 'utf8') : undefined);
  const builtinIdentifiers = () => {
    const found = new Set();
    for (const id of Object.keys(sources)) {
      if (id.startsWith('internal/deps/')) continue;
      for (const m of internalSource(id).matchAll(/(?<![A-Za-z0-9_$])[A-Za-z_$][A-Za-z0-9_$]*/g)) {
        found.add(m[0]);
      }
    }
    return [...found].sort();
  };
  return { __proto__: null, builtinIds: () => Object.keys(sources), internalSource, builtinIdentifiers };
}

function loadPrimordials() {
  const builtins = builtinsBinding();
  const primordialsBinding = (name) => {
    if (name === 'builtins') return builtins;
    throw new Error(`load_islet_path: primordials.js asked for internalBinding('${name}'), ` +
                    'which the loader does not provide');
  };
  return evaluateModule(primordialsFile, undefined, primordialsBinding, undefined);
}

function load() {
  return evaluateModule(pathFile, isletRequire, isletInternalBinding, loadPrimordials());
}

// Preloaded with -r: answer require('path') with the module under test.
if (require.main === undefined && module.parent && module.parent.id === 'internal/preload') {
  const islet = load();
  const original = Module._load;
  Module._load = function(request, parent, isMain) {
    if (request === 'path' || request === 'node:path') return islet;
    return Reflect.apply(original, this, [request, parent, isMain]);
  };
}

module.exports = { load, pathFile, primordialsFile, repoRoot };
