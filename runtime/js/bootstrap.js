// The environment's entry point, evaluated once per context with `bindings`
// (the native modules by name: runtime/worker/native_modules.h). It holds
// only the builtin module loader; everything else is a builtin module under
// runtime/js/lib, whose id is its path there (lib/path.js is `path`,
// lib/internal/modules/cjs/loader.js is `internal/modules/cjs/loader`). Ids
// under internal/ are islet's own and never requirable by scripts. Returns
// the hooks the native turn loop calls: internal/bootstrap/node's exports.
(function(bindings) {
'use strict';

// Captured before anything else runs; see internal/primordials.
const ReflectApply = Reflect.apply;

// A native module by name: what a builtin module gets as `internalBinding`.
function internalBinding(name) {
  const module = bindings[name];
  if (module === undefined) throw new Error('no native module ' + name);
  return module;
}
const builtinsBinding = internalBinding('builtins');

// Every builtin module is a CommonJS-shaped function of these. Third-party
// code islet embeds (internal/deps/<package>/...) gets nothing of islet's:
// its `require` reaches only the other embedded packages (depRequire).
const kWrapper = ['exports', 'require', 'module', 'internalBinding', 'primordials'];
const kDepsWrapper = ['exports', 'require', 'module'];
const StringPrototypeSliceOriginal = String.prototype.slice;
const isDep = (id) =>
  id.length > 14 && ReflectApply(StringPrototypeSliceOriginal, id, [0, 14]) === 'internal/deps/';
function compile(id) {
  const source = builtinsBinding.internalSource(id);
  if (source === undefined) throw new Error('no builtin module ' + id);
  return builtinsBinding.compileFunction(source, 'node:' + id, isDep(id) ? kDepsWrapper : kWrapper);
}

// The captured built-ins, first: every later module is given them.
const primordials = (() => {
  const module = { __proto__: null, exports: {} };
  ReflectApply(compile('internal/primordials'), undefined,
               [module.exports, undefined, module, internalBinding, undefined]);
  return module.exports;
})();
const {
  ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush, JSONParse, MapPrototypeGet,
  MapPrototypeSet, ObjectAssign, ObjectKeys, SafeMap, StringPrototypeEndsWith,
  StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith,
} = primordials;

// The embedded npm packages' entry files (their package.json "main"), for a
// bare require() between them.
const kDepMains = {
  __proto__: null, 'cjs-module-lexer': 'lexer', 'whatwg-url': 'index', 'tr46': 'index',
  'webidl-conversions': 'lib/index', 'punycode': 'punycode',
};
// The id a package file's require(specifier) names: a path relative to the
// file ('./x', './x.js', '../y.json'), or another package by name.
function resolveDep(fromId, specifier) {
  let id;
  if (specifier[0] === '.') {
    const parts = StringPrototypeSplit(
        StringPrototypeSlice(fromId, 0, StringPrototypeLastIndexOf(fromId, '/')), '/');
    const segments = StringPrototypeSplit(specifier, '/');
    for (let i = 0; i < segments.length; i++) {
      if (segments[i] === '..') ArrayPrototypePop(parts);
      else if (segments[i] !== '.' && segments[i] !== '') ArrayPrototypePush(parts, segments[i]);
    }
    id = ArrayPrototypeJoin(parts, '/');
  } else {
    const name = StringPrototypeEndsWith(specifier, '/') ? StringPrototypeSlice(specifier, 0, -1)
                                                         : specifier;
    const main = kDepMains[name];
    if (main === undefined) throw new Error('no embedded package ' + specifier);
    id = 'internal/deps/' + name + '/' + main;
  }
  if (!StringPrototypeStartsWith(id, 'internal/deps/')) {
    throw new Error('an embedded package may not require ' + specifier);
  }
  return StringPrototypeEndsWith(id, '.js') ? StringPrototypeSlice(id, 0, -3) : id;
}

// id -> { exports }. A module is in the table before it runs, so a cycle
// sees the exports it has so far, as in CommonJS.
const cache = new SafeMap();
// Any builtin module, internal ones included: the `require` builtin modules
// get. Calls go through the captured Reflect.apply, never a lookup a script
// could have replaced (Function.prototype.call was once how a script
// received the binding here).
function requireBuiltin(id) {
  const cached = MapPrototypeGet(cache, id);
  if (cached !== undefined) return cached.exports;
  const module = { __proto__: null, id, exports: {} };
  if (isDep(id) && StringPrototypeEndsWith(id, '.json')) {
    const source = builtinsBinding.internalSource(id);
    if (source === undefined) throw new Error('no builtin module ' + id);
    module.exports = JSONParse(source);
    MapPrototypeSet(cache, id, module);
    return module.exports;
  }
  const fn = compile(id);
  MapPrototypeSet(cache, id, module);
  if (isDep(id)) {
    const require = (specifier) => requireBuiltin(resolveDep(id, specifier));
    ReflectApply(fn, module.exports, [module.exports, require, module]);
  } else {
    ReflectApply(fn, module.exports,
                 [module.exports, requireBuiltin, module, internalBinding, primordials]);
  }
  return module.exports;
}

// The builtin modules: all of them (util.inspect dims their stack frames,
// as Node dims its own), and the public ones (those not under internal/).
// Tables without a prototype, so that nothing a script defines can make an
// internal module public.
const allIds = { __proto__: null };
const publicIds = { __proto__: null };
{
  const ids = builtinsBinding.builtinIds();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    allIds[id] = true;
    if (id === 'bootstrap' || StringPrototypeStartsWith(id, 'internal/')) continue;
    publicIds[id] = true;
  }
}
const isBuiltin = (id) => typeof id === 'string' && publicIds[id] === true;
const isBuiltinId = (id) => typeof id === 'string' && allIds[id] === true;
// A public builtin module by its id (without 'node:'), as a script's
// require() reaches it.
function loadBuiltin(id) {
  if (!isBuiltin(id)) throw new Error('no public builtin module ' + id);
  return requireBuiltin(id);
}

// isletd --expose-internals ('islet:internal/binding'): every native
// function in one object, util.types' predicates as `types`, for debugging
// islet.
function allNativeFunctions() {
  const all = { __proto__: null };
  const names = ObjectKeys(bindings);
  for (let i = 0; i < names.length; i++) {
    if (names[i] === 'types') all.types = bindings.types;
    else ObjectAssign(all, bindings[names[i]]);
  }
  return all;
}

// The loader itself, for the modules that load others for scripts (the
// CommonJS and ES module loaders).
MapPrototypeSet(cache, 'internal/bootstrap/loaders', {
  __proto__: null,
  exports: {
    __proto__: null, requireBuiltin, loadBuiltin, isBuiltin, isBuiltinId, publicIds,
    allNativeFunctions,
  },
});

return requireBuiltin('internal/bootstrap/node');
})
