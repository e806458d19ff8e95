// ES modules for a job's files: islet's loader around V8's module API
// (runtime/worker/module_bindings.cc). A module graph is read from the
// job's bundle, which is in memory, so it is found, compiled and linked
// synchronously; only evaluation may be asynchronous (top-level await).
//
// A module is a record keyed by its URL (file:///abs/path, or node:name for
// a built-in). Source text modules are compiled by V8; the others are
// synthetic modules whose exports islet fills when V8 evaluates them: a
// built-in's exports, a CommonJS module's (run by the CommonJS loader at
// that moment, so in the graph's order; named exports found in its source
// by cjs-module-lexer, as Node finds them), a JSON file's value.
//
// Resolution follows Node 20's ES module rules: URLs and paths relative to
// the importing module, no extension or index search, package.json
// "exports" and "imports" with the import/node/default conditions, "main"
// for packages without "exports" (internal/modules/package_maps does the
// package.json part for both loaders), real paths through links. Errors
// are Node's.
'use strict';
const modulesBinding = internalBinding('modules');
const utilBinding = internalBinding('util');

const {
  ArrayPrototypeIncludes, ArrayPrototypePush, ObjectKeys,
  SafeMap, SafeSet, SetPrototypeAdd, SetPrototypeHas,
  MapPrototypeGet, MapPrototypeSet,
  PromisePrototypeThen,
  StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIndexOf,
  StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeStartsWith,
  decodeURIComponent,
} = primordials;
const { info } = require('internal/process');
const { nodeError } = require('internal/errors');
const loaders = require('internal/bootstrap/loaders');
const cjs = require('internal/modules/cjs/loader');
const NativeError = Error;
const NativeTypeError = TypeError;
const NativeSyntaxError = SyntaxError;
const NativePromise = Promise;

// --- paths and file URLs -------------------------------------------------------

// The bundle as the CommonJS loader knows it (internal/modules/cjs/loader): what a path
// is, its real path, its content, its package scope; each asked of the
// binding once per worker, for both loaders.
const packages = () => cjs.packageJson;
const { FILE, DIRECTORY, kindOf, realPathOf, normalize, parentDir: dirnameOf, stripShebang } =
    packages();
const readSource = (path) => packages().readFile(path);

function extnameOf(path) {
  const base = StringPrototypeSlice(path, StringPrototypeLastIndexOf(path, '/') + 1);
  const dot = StringPrototypeLastIndexOf(base, '.');
  return dot <= 0 ? '' : StringPrototypeSlice(base, dot);
}

// file: URLs as Node writes and reads them (internal/modules/package_maps).
const pathToFileURL = (path) => packages().fileURL(path);
const fileURLToPath = (url) => packages().fileURLToPath(url);

// `specifier` (relative or absolute, or a file: URL) resolved against the
// URL `base`: a file: URL, normalized.
function resolveURL(specifier, base) {
  if (StringPrototypeStartsWith(specifier, 'file:')) {
    const path = fileURLToPath(specifier);
    return path === undefined ? undefined : pathToFileURL(normalize(path));
  }
  const basePath = fileURLToPath(base);
  const suffix = urlSuffix(specifier);
  if (suffix !== '') specifier = StringPrototypeSlice(specifier, 0, specifier.length - suffix.length);
  let path = StringPrototypeStartsWith(specifier, '/') ? specifier
                                                        : dirnameOf(basePath) + '/' + specifier;
  const trailing = StringPrototypeEndsWith(specifier, '/') ||
                   StringPrototypeEndsWith(specifier, '/.') ||
                   StringPrototypeEndsWith(specifier, '/..') || specifier === '.' ||
                   specifier === '..';
  path = normalize(decodeURIComponent(path));
  return pathToFileURL(trailing && path !== '/' ? path + '/' : path);
}

// --- errors ----------------------------------------------------------------------


// How an error names the module that imported: its path for a file.
function importerName(parentURL) {
  const path = parentURL === undefined ? undefined : fileURLToPath(parentURL);
  return path === undefined ? parentURL : path;
}

function moduleNotFound(what, parentURL, extra = '') {
  return nodeError(NativeError, 'ERR_MODULE_NOT_FOUND',
                   `Cannot find ${what} imported from ${importerName(parentURL)}${extra}`);
}

// --- resolution ---------------------------------------------------------------------


function isRelative(specifier) {
  return specifier === '.' || specifier === '..' || StringPrototypeStartsWith(specifier, './') ||
         StringPrototypeStartsWith(specifier, '../') || StringPrototypeStartsWith(specifier, '/');
}

// Resolves `specifier` imported from `parentURL` to a module URL: file: or
// node:. Throws Node's errors.
function resolve(specifier, parentURL) {
  if (StringPrototypeStartsWith(specifier, 'node:')) {
    const name = StringPrototypeSlice(specifier, 5);
    if (loaders.isBuiltin(name)) return 'node:' + name;
    throw nodeError(NativeError, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${specifier}`);
  }
  let path;
  let suffix = '';  // a query or fragment: the same file, another module
  if (isRelative(specifier) || StringPrototypeStartsWith(specifier, 'file:')) {
    const url = resolveURL(specifier, parentURL);
    if (url === undefined) {
      throw nodeError(NativeTypeError, 'ERR_INVALID_FILE_URL_PATH',
                      'File URL path must not include encoded / characters');
    }
    path = fileURLToPath(url);
    suffix = urlSuffix(specifier);
  } else if (StringPrototypeStartsWith(specifier, '#')) {
    path = normalize(packages().urlToPath(packages().importsURL(specifier, fileURLToPath(parentURL))));
  } else if (loaders.isBuiltin(specifier)) {
    return 'node:' + specifier;
  } else if (packages().isNodeBuiltin(specifier)) {
    throw nodeError(NativeError, 'ERR_UNKNOWN_BUILTIN_MODULE',
                    `islet has no built-in module '${specifier}' yet`);
  } else if (hasScheme(specifier)) {
    throw nodeError(NativeError, 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
                    'Only URLs with a scheme in: file, data, and node are supported by the ' +
                    'default ESM loader. Received protocol \'' +
                    StringPrototypeSlice(specifier, 0, StringPrototypeIndexOf(specifier, ':') + 1) +
                    '\'');
  } else {
    path = resolveBarePath(specifier, parentURL);
  }
  return pathToFileURL(checkFile(path, specifier, parentURL)) + suffix;
}

function urlSuffix(specifier) {
  let at = StringPrototypeIndexOf(specifier, '?');
  const hash = StringPrototypeIndexOf(specifier, '#');
  if (at === -1 || (hash !== -1 && hash < at)) at = hash;
  return at === -1 ? '' : StringPrototypeSlice(specifier, at);
}

function hasScheme(specifier) {
  const colon = StringPrototypeIndexOf(specifier, ':');
  if (colon < 2) return false;
  for (let i = 0; i < colon; i++) {
    const c = StringPrototypeCharCodeAt(specifier, i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!letter && !(i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46))) {
      return false;
    }
  }
  return true;
}

// A bare specifier: a package from node_modules (or the package itself, by
// its own name), then a path inside it by "exports", or "main", or as is.
function resolveBarePath(specifier, parentURL) {
  return normalize(packages().urlToPath(packages().packageURL(specifier, fileURLToPath(parentURL))));
}

// The file `path` stands for, its links resolved; Node's errors when there
// is none, or a directory.
function checkFile(path, specifier, parentURL) {
  const trailing = StringPrototypeEndsWith(path, '/');
  const bare = trailing ? StringPrototypeSlice(path, 0, -1) : path;
  const kind = kindOf(bare);
  if (kind === DIRECTORY) {
    let hint = '';
    if (isRelative(specifier)) {
      // The package's "main", else index.js, if that file is there.
      const scope = packages().scopeOf(bare + '/index.js');
      const main = scope !== null && scope.dir === bare && scope.main !== undefined ? scope.main
                                                                                     : 'index.js';
      if (kindOf(normalize(bare + '/' + main)) === FILE) {
        const shown = StringPrototypeStartsWith(main, './') ? StringPrototypeSlice(main, 2) : main;
        hint = `\nDid you mean to import "${trailing ? specifier : specifier + '/'}${shown}"?`;
      }
    }
    throw nodeError(NativeError, 'ERR_UNSUPPORTED_DIR_IMPORT',
                    `Directory import '${path}' is not supported resolving ES modules imported ` +
                    `from ${importerName(parentURL)}${hint}`);
  }
  if (kind !== FILE || trailing) {
    let hint = '';
    // Node suggests the .js file only.
    if (isRelative(specifier) && extnameOf(path) === '' && kindOf(path + '.js') === FILE) {
      hint = `\nDid you mean to import "${specifier}.js"?`;
    }
    throw moduleNotFound(`module '${path}'`, parentURL, hint);
  }
  return realPathOf(path);
}

// --- formats --------------------------------------------------------------------------

// 'module', 'commonjs', 'json' or 'builtin' for a resolved URL.
function formatOf(url) {
  if (StringPrototypeStartsWith(url, 'node:')) return 'builtin';
  const path = fileURLToPath(url);
  const ext = extnameOf(path);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  const scope = packages().scopeOf(path);
  const type = scope !== null ? scope.type : undefined;
  if (ext === '.js' || ext === '') return type === 'module' ? 'module' : 'commonjs';
  if (ext === '.node') {
    throw nodeError(NativeError, 'ERR_UNKNOWN_FILE_EXTENSION',
                    `Unknown file extension "${ext}" for ${path}`);
  }
  throw nodeError(NativeTypeError, 'ERR_UNKNOWN_FILE_EXTENSION',
                  `Unknown file extension "${ext}" for ${path}`);
}

// --- module records ---------------------------------------------------------------------

// url -> { id, url, format, requests: [specifier, type, ...], linked }
const records = new SafeMap();
const recordsById = new SafeMap();

function addRecord(url, format, id, requests) {
  const record = { __proto__: null, id, url, format, requests, linked: false };
  MapPrototypeSet(records, url, record);
  MapPrototypeSet(recordsById, id, record);
  return record;
}

// Identifier names a synthetic module can export ("default" included).
function exportable(name) {
  return typeof name === 'string' && name !== '';
}

function builtinRecord(url) {
  const name = StringPrototypeSlice(url, 5);
  const exports = loaders.loadBuiltin(name);
  const names = ['default'];
  if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
    const keys = ObjectKeys(exports);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'default' && exportable(keys[i])) ArrayPrototypePush(names, keys[i]);
    }
  }
  const id = modulesBinding.moduleSynthetic(url, names, () => {
    const values = [exports];
    for (let i = 1; i < names.length; i++) ArrayPrototypePush(values, exports[names[i]]);
    return values;
  });
  ArrayPrototypePush(builtinRecords, { __proto__: null, id, names, exports });
  return addRecord(url, 'builtin', id, []);
}

// module.syncBuiltinESMExports(): each built-in's named exports take the
// values its exports object has now (names it did not have stay out).
const builtinRecords = [];
function syncBuiltinExports() {
  for (let i = 0; i < builtinRecords.length; i++) {
    const { id, names, exports } = builtinRecords[i];
    if (modulesBinding.moduleStatus(id) < 4) continue;  // evaluation will read them
    for (let j = 1; j < names.length; j++) modulesBinding.moduleSetExport(id, names[j], exports[names[j]]);
  }
}

function jsonRecord(url) {
  const path = fileURLToPath(url);
  // Through the CommonJS loader: createRequire() of the file gives the same
  // object, as in Node.
  const id = modulesBinding.moduleSynthetic(url, ['default'], () => [cjs.cjsImport(path)]);
  return addRecord(url, 'json', id, []);
}

// The names a CommonJS file exports, as Node finds them without running it
// (cjs-module-lexer), following its re-exports (`module.exports =
// require('./x')`) to the files they name.
function commonJSExportNames(path, seen, names = [], known = new SafeSet()) {
  if (SetPrototypeHas(seen, path)) return names;
  SetPrototypeAdd(seen, path);
  const source = readSource(path);
  if (source === undefined) return names;
  let parsed;
  try {
    parsed = require('internal/deps/cjs-module-lexer/lexer').parse(source);
  } catch {
    return names;  // Node falls back to the default export alone too
  }
  // Indexed loops: the lexer's arrays, not a script's iterators.
  const found = parsed.exports;
  for (let i = 0; i < found.length; i++) {
    if (!SetPrototypeHas(known, found[i])) {
      SetPrototypeAdd(known, found[i]);
      ArrayPrototypePush(names, found[i]);
    }
  }
  const reexports = parsed.reexports;
  for (let i = 0; i < reexports.length; i++) {
    let target;
    try {
      target = cjs.cjsResolve(reexports[i], path);
    } catch {
      continue;
    }
    if (typeof target !== 'string' || !StringPrototypeStartsWith(target, '/')) continue;
    const ext = extnameOf(target);
    if (ext !== '.js' && ext !== '.cjs' && ext !== '') continue;
    commonJSExportNames(target, seen, names, known);
  }
  return names;
}

function commonJSRecord(url) {
  const path = fileURLToPath(url);
  const names = ['default'];
  const found = commonJSExportNames(path, new SafeSet());
  for (let i = 0; i < found.length; i++) {
    if (found[i] !== 'default' && exportable(found[i])) ArrayPrototypePush(names, found[i]);
  }
  const id = modulesBinding.moduleSynthetic(url, names, () => {
    const exports = cjs.cjsImport(path);
    const values = [exports];
    for (let i = 1; i < names.length; i++) {
      ArrayPrototypePush(values, exports == null ? undefined : exports[names[i]]);
    }
    return values;
  });
  return addRecord(url, 'commonjs', id, []);
}

function sourceTextRecord(url) {
  const path = fileURLToPath(url);
  const source = readSource(path);
  // Indexed, not destructured: destructuring would call an iterator a
  // script may have put on Array.prototype, with this array.
  const compiled = modulesBinding.moduleCompile(stripShebang(source), url);
  const id = compiled[0];
  const requests = compiled[1];
  return addRecord(url, 'module', id, requests);
}


// The record for `url`, made (read and compiled) the first time.
function recordFor(url, format) {
  const existing = MapPrototypeGet(records, url);
  if (existing !== undefined) return existing;
  switch (format === undefined ? formatOf(url) : format) {
    case 'builtin': return builtinRecord(url);
    case 'json': return jsonRecord(url);
    case 'commonjs': return commonJSRecord(url);
    default: return sourceTextRecord(url);
  }
}

// What an import's assertions must say for a module of `format`: `type`,
// and no other key (`key`, with `value`, is the first other one).
function checkAssertion(format, type, url, parentURL, key, value) {
  if (key !== undefined) {
    throw nodeError(NativeTypeError, 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED',
                    `Import attribute "${key}" with value "${value}" is not supported`);
  }
  if (format === 'json') {
    if (type === undefined) {
      throw nodeError(NativeTypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING',
                      `Module "${url}" needs an import attribute of type "json"`);
    }
  }
  if (type === undefined) return;
  if (type !== 'json') {
    throw nodeError(NativeTypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED',
                    `Import attribute type "${type}" is unsupported`);
  }
  if (format !== 'json') {
    throw nodeError(NativeTypeError, 'ERR_IMPORT_ASSERTION_TYPE_FAILED',
                    `Module "${url}" is not of type "${type}"`);
  }
}

// Reads, compiles and links everything `record` imports, depth first.
function link(record) {
  if (record.linked) return;
  record.linked = true;
  const requests = record.requests;
  if (requests.length === 0) return;
  const specifiers = [];
  const ids = [];
  const targets = [];
  try {
    for (let i = 0; i < requests.length; i += 4) {
      const specifier = requests[i];
      const url = resolve(specifier, record.url);
      const format = formatOf(url);
      checkAssertion(format, requests[i + 1], url, record.url, requests[i + 2], requests[i + 3]);
      const target = recordFor(url, format);
      ArrayPrototypePush(specifiers, specifier);
      ArrayPrototypePush(ids, target.id);
      ArrayPrototypePush(targets, target);
    }
  } catch (err) {
    record.linked = false;  // a later import() tries again
    throw err;
  }
  modulesBinding.moduleLink(record.id, specifiers, ids);
  for (let i = 0; i < targets.length; i++) link(targets[i]);
}

// V8 says "The requested module './c.cjs' does not provide an export named
// 'x'"; Node says more when the module is CommonJS.
function explainMissingExport(err, record) {
  if (!(err instanceof NativeSyntaxError)) return err;
  const message = err.message;
  const prefix = 'The requested module \'';
  const middle = '\' does not provide an export named \'';
  if (!StringPrototypeStartsWith(message, prefix)) return err;
  const at = StringPrototypeIndexOf(message, middle);
  if (at === -1) return err;
  const specifier = StringPrototypeSlice(message, prefix.length, at);
  const name = StringPrototypeSlice(message, at + middle.length, message.length - 1);
  let url;
  try {
    url = resolve(specifier, record.url);
  } catch {
    return err;
  }
  const target = MapPrototypeGet(records, url);
  if (target === undefined || target.format !== 'commonjs') return err;
  err.message = `Named export '${name}' not found. The requested module '${specifier}' is a ` +
      'CommonJS module, which may not support all module.exports as named exports.\n' +
      'CommonJS modules can always be imported via the default export, for example using:\n\n' +
      `import pkg from '${specifier}';\nconst { ${name} } = pkg;\n`;
  return err;
}

// Compiled, linked and instantiated: ready to evaluate.
function prepare(url, format) {
  const record = recordFor(url, format);
  link(record);
  try {
    modulesBinding.moduleInstantiate(record.id);
  } catch (err) {
    throw explainMissingExport(err, record);
  }
  return record;
}

// Evaluates a prepared module; a promise for its namespace.
function evaluate(record) {
  const result = modulesBinding.moduleEvaluate(record.id);
  return PromisePrototypeThen(NativePromise.resolve(result),
                              () => modulesBinding.moduleNamespace(record.id));
}

// --- entry points ----------------------------------------------------------------------

// The worker's main file as an ES module. Returns the evaluation's promise;
// a rejection is the worker's uncaught error (bootstrap reports it).
let mainPromise;
function runMain(path) {
  const url = pathToFileURL(path);
  const record = prepare(url);
  mainPromise = modulesBinding.moduleEvaluate(record.id);
  return mainPromise;
}

// Whether the main module's evaluation is still pending (a top-level await
// that nothing will settle: Node exits with 13 then).
function mainPending() {
  return mainPromise !== undefined && utilBinding.getPromiseState(mainPromise)[0] === 0;
}

// import(specifier) from the script or module named `referrer` (a URL, a
// path, or a name such as '[worker eval]').
function importDynamic(specifier, referrer, type, key, value) {
  // Resolved, loaded and evaluated in a later microtask: the code after
  // import() runs first, as in Node.
  // (A throw in the callback rejects the promise import() gave.)
  return PromisePrototypeThen(NativePromise.resolve(), () => {
    const parentURL = typeof referrer === 'string' && StringPrototypeStartsWith(referrer, 'file:')
        ? referrer
        : typeof referrer === 'string' && StringPrototypeStartsWith(referrer, '/')
        ? pathToFileURL(referrer)
        : pathToFileURL(info.cwd === '/' ? '/[eval]' : info.cwd + '/[eval]');
    const url = resolve(String(specifier), parentURL);
    const format = formatOf(url);
    checkAssertion(format, type, url, parentURL, key, value);
    return evaluate(prepare(url, format));
  });
}

// import.meta of the module `id`: url, filename, dirname, resolve().
function initImportMeta(meta, id) {
  const record = MapPrototypeGet(recordsById, id);
  if (record === undefined) return;
  const url = record.url;
  const path = fileURLToPath(url);
  meta.dirname = dirnameOf(path);
  meta.filename = path;
  meta.resolve = function resolve(specifier) {
    return resolveForMeta(String(specifier), url);
  };
  meta.url = url;
}

// Node's import.meta.resolve answers a path or URL without looking for the
// file; a package it resolves as import does.
function resolveForMeta(specifier, parentURL) {
  if (isRelative(specifier) || StringPrototypeStartsWith(specifier, 'file:')) {
    const url = resolveURL(specifier, parentURL);
    if (url !== undefined) return url;
  }
  return resolve(specifier, parentURL);
}

// require() of an ES module (Node 20.19+): evaluated synchronously; one
// that uses top-level await cannot be. The answer is its namespace, or,
// when it has a default export, a namespace that also says __esModule (so
// that transpiled CommonJS reads its default as such), as Node gives.
const requiredNamespaces = new SafeMap();
function requireModule(path, parentPath) {
  const url = pathToFileURL(path);
  const cached = MapPrototypeGet(requiredNamespaces, url);
  if (cached !== undefined) return cached;
  const record = prepare(url);
  if (modulesBinding.moduleIsGraphAsync(record.id)) {
    let message = 'require() cannot be used on an ESM graph with top-level await. Use ' +
        'import() instead. To see where the top-level await comes from, use ' +
        '--experimental-print-required-tla.';
    if (parentPath !== undefined) message += `\n  From ${parentPath} `;
    message += `\n  Requiring ${path} `;
    throw nodeError(NativeError, 'ERR_REQUIRE_ASYNC_MODULE', message);
  }
  const status = modulesBinding.moduleStatus(record.id);
  if (status === 5) throw modulesBinding.moduleError(record.id);
  if (status < 4) {
    const promise = modulesBinding.moduleEvaluate(record.id);
    const settled = utilBinding.getPromiseState(promise);
    if (settled[0] === 2) throw settled[1];
  }
  let namespace = modulesBinding.moduleNamespace(record.id);
  const keys = ObjectKeys(namespace);
  if (ArrayPrototypeIncludes(keys, 'default') && !ArrayPrototypeIncludes(keys, '__esModule')) {
    const names = ['__esModule'];
    for (let i = 0; i < keys.length; i++) ArrayPrototypePush(names, keys[i]);
    const source = namespace;
    const id = modulesBinding.moduleSynthetic(url + '#require', names, () => {
      const values = [true];
      for (let i = 1; i < names.length; i++) ArrayPrototypePush(values, source[names[i]]);
      return values;
    });
    modulesBinding.moduleInstantiate(id);
    modulesBinding.moduleEvaluate(id);
    namespace = modulesBinding.moduleNamespace(id);
  }
  MapPrototypeSet(requiredNamespaces, url, namespace);
  return namespace;
}

// Whether `path` would load as an ES module (for the CommonJS loader and
// the worker's entry point).
module.exports = {
  __proto__: null, runMain, mainPending, importDynamic, initImportMeta, requireModule,
  pathToFileURL, fileURLToPath, syncBuiltinExports,
};
