// require() for a job's files: islet's CommonJS loader, with Node 20's
// behaviour and errors (tests/conformance/projects) but a shape of its own.
//
// A worker's files are its job's bundle: read-only, in memory, unchanged for
// the worker's life. So the loader keeps two things apart:
//
// - Facts about the bundle: what a path is (missing, file, directory), its
//   real path, a directory's package.json and the package scope it belongs
//   to. Each is asked of the binding (bundleBinding.fileKind, bundleBinding.realpath,
//   bundleBinding.readFile) at most once per worker and kept in a table; nothing
//   ever goes stale, so there is nothing to invalidate, and resolution
//   keeps no cache of its own.
// - Resolution, plain computation over those facts, in phases: classify the
//   request (built-in, path, '#import', package name), list where to look
//   (the requiring module's directory, or its node_modules directories and
//   the global folders), consult package.json maps ("imports", "exports",
//   a package's own name: internal/modules/package_maps, loaded the first time a
//   package has one), probe for a file (the exact name, then each of
//   Module._extensions, then a directory's "main" or index) and take its
//   real path.
//
// Around that sits Node's public CommonJS API, the surface tools patch:
// require() goes through Module.prototype.require -> Module._load ->
// Module._resolveFilename (-> Module._resolveLookupPaths, Module._findPath)
// -> Module.prototype.load -> Module._extensions[ext] -> module._compile,
// each looked up when it is called. Only built-ins captured before any
// script ran are used (primordials), and internal tables have no prototype,
// so a script patching built-ins cannot steer the loader.
//
// Cost: this module is loaded while an isolate is prepared ahead of time,
// and does little then (tables, the Module class, one sample module for
// V8's hidden classes, at the end); what most workers never need is in
// internal/modules/package_maps. A worker's first module pays only for its own
// resolution and compile.
'use strict';
const bundleBinding = internalBinding('bundle');
const processBinding = internalBinding('process');
const builtinsBinding = internalBinding('builtins');
const typesBinding = internalBinding('types');

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
  ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice,
  JSONParse, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf, ObjectHasOwn, ObjectKeys, ObjectPrototype, ObjectSetPrototypeOf,
  ReflectApply, ReflectGet, WeakMap: NativeWeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet,
  StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeLastIndexOf, StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;
const { info, process } = require('internal/process');
const { invalidArgType, nodeError } = require('internal/errors');
const { inspect } = require('internal/util/format');
const loaders = require('internal/bootstrap/loaders');
// ES modules, for require(esm): loaded on first use.
const esm = () => require('internal/modules/esm/loader');
const NativeError = Error;
const NativeTypeError = TypeError;
const NativeSyntaxError = SyntaxError;
const NativeProxy = Proxy;
const NativeString = String;
const NativeSymbol = Symbol;
const globalObject = globalThis;

// An own data property, whatever setters a prototype has.
function setOwn(object, key, value) {
  ObjectDefineProperty(object, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

// --- paths ----------------------------------------------------------------------
// POSIX paths, as Node's path module computes them. Resolution works on
// absolute paths, and most are normal already: two substring searches say so.

function isAbsolute(path) {
  return StringPrototypeCharCodeAt(path, 0) === 47;  // '/'
}

// An absolute path without '.', '..' and empty segments or a trailing '/'.
function normalize(path) {
  if (!StringPrototypeIncludes(path, '//') && !StringPrototypeIncludes(path, '/.') &&
      (path.length === 1 || !StringPrototypeEndsWith(path, '/'))) {
    return path;
  }
  let out = '';
  for (let from = 1; from <= path.length;) {
    let end = StringPrototypeIndexOf(path, '/', from);
    if (end === -1) end = path.length;
    const part = StringPrototypeSlice(path, from, end);
    if (part === '..') {
      const cut = StringPrototypeLastIndexOf(out, '/');
      out = cut <= 0 ? '' : StringPrototypeSlice(out, 0, cut);
    } else if (part !== '' && part !== '.') {
      out += '/' + part;
    }
    from = end + 1;
  }
  return out === '' ? '/' : out;
}

// path.resolve(base, request): relative to the working directory when base
// is relative too.
function resolvePath(base, request) {
  if (isAbsolute(request)) return normalize(request);
  if (!isAbsolute(base)) base = base === '' ? info.cwd : info.cwd + '/' + base;
  if (StringPrototypeStartsWith(request, './')) request = StringPrototypeSlice(request, 2);
  if (request === '') return normalize(base);
  return normalize(base === '/' ? '/' + request : base + '/' + request);
}

// `name` inside the directory `dir` (both normal).
function child(dir, name) {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

// The directory of a normal absolute path.
function parentDir(path) {
  const slash = StringPrototypeLastIndexOf(path, '/');
  return slash <= 0 ? '/' : StringPrototypeSlice(path, 0, slash);
}

// path.dirname, for any string (module ids need not be paths).
function dirname(path) {
  if (typeof path !== 'string') throw invalidArgType('path', 'of type string', path);
  if (path.length === 0) return '.';
  const rooted = isAbsolute(path);
  let end = path.length - 1;
  while (end > 0 && StringPrototypeCharCodeAt(path, end) === 47) end--;
  const slash = end > 0 ? StringPrototypeLastIndexOf(path, '/', end) : -1;
  if (slash <= 0) return rooted ? '/' : '.';
  if (slash === 1 && rooted) return '//';  // as Node's: '//a' keeps both
  return StringPrototypeSlice(path, 0, slash);
}

function basename(path) {
  return StringPrototypeSlice(path, StringPrototypeLastIndexOf(path, '/') + 1);
}

// Module._nodeModulePaths: <dir>/node_modules for `from` and each directory
// above it, except directories themselves named node_modules.
function nodeModulePaths(from) {
  if (typeof from !== 'string') throw invalidArgType('paths[0]', 'of type string', from);
  from = resolvePath(info.cwd, from);
  const paths = [];
  for (let end = from.length; end > 1;) {
    const slash = StringPrototypeLastIndexOf(from, '/', end - 1);
    if (end - slash !== 13 || !StringPrototypeStartsWith(from, 'node_modules', slash + 1)) {
      ArrayPrototypePush(paths, StringPrototypeSlice(from, 0, end) + '/node_modules');
    }
    end = slash;
  }
  ArrayPrototypePush(paths, '/node_modules');
  return paths;
}

// --- facts about the bundle -------------------------------------------------------
// An absolute path names a bundle entry relative to info.root; nothing
// outside the root exists. Tables are keyed by normal absolute paths.

const MISSING = 0;
const FILE = 1;
const DIRECTORY = 2;

const kinds = { __proto__: null };      // path -> MISSING, FILE or DIRECTORY
const realPaths = { __proto__: null };  // path of a file -> its path with links resolved
const packages = { __proto__: null };   // directory -> its package.json record, or null
const scopes = { __proto__: null };     // directory -> the record of its package scope, or null

function bundleName(path) {
  const root = info.root;
  if (root === '/') return StringPrototypeSlice(path, 1);
  if (!StringPrototypeStartsWith(path, root)) return undefined;
  if (path.length === root.length) return '';
  if (StringPrototypeCharCodeAt(path, root.length) !== 47) return undefined;
  return StringPrototypeSlice(path, root.length + 1);
}

function bundlePath(name) {
  const root = info.root;
  if (root === '/') return '/' + name;
  return name === '' ? root : root + '/' + name;
}

function kindOf(path) {
  let kind = kinds[path];
  if (kind === undefined) {
    const name = bundleName(path);
    kind = kinds[path] = name === undefined ? MISSING : bundleBinding.fileKind(name);
  }
  return kind;
}

function realPathOf(path) {
  let real = realPaths[path];
  if (real === undefined) {
    const resolved = bundleBinding.realpath(bundleName(path));
    real = realPaths[path] = resolved === undefined ? path : bundlePath(resolved);
  }
  return real;
}

// The file at `path`, as its real path; undefined if it is not a file.
function fileAt(path) {
  return kindOf(path) === FILE ? realPathOf(path) : undefined;
}

// fs.readFileSync(path, 'utf8'), with its errors.
function readSource(path) {
  const normal = resolvePath(info.cwd, path);
  const kind = kindOf(normal);
  const text = kind === FILE ? bundleBinding.readFile(bundleName(normal)) : undefined;
  if (text !== undefined) return text;
  const directory = kind === DIRECTORY;
  const err = new NativeError(directory ? 'EISDIR: illegal operation on a directory, read'
                                        : `ENOENT: no such file or directory, open '${path}'`);
  setOwn(err, 'errno', directory ? -21 : -2);
  setOwn(err, 'code', directory ? 'EISDIR' : 'ENOENT');
  setOwn(err, 'syscall', directory ? 'read' : 'open');
  if (!directory) setOwn(err, 'path', path);
  throw err;
}

function stripBOM(text) {
  return StringPrototypeCharCodeAt(text, 0) === 0xFEFF ? StringPrototypeSlice(text, 1) : text;
}

// A directory's package.json: the fields require() reads, once. One that
// does not parse (or is `null`) is kept as such and fails every time it is
// consulted, as in Node.
function peekPackage(dir) {
  let record = packages[dir];
  if (record === undefined) record = packages[dir] = readPackage(dir);
  return record;
}

function readPackage(dir) {
  const path = child(dir, 'package.json');
  const text = kindOf(path) === FILE ? bundleBinding.readFile(bundleName(path)) : undefined;
  if (text === undefined) return null;
  const record = {
    __proto__: null, dir, path, name: undefined, main: undefined, exports: undefined,
    imports: undefined, type: undefined, parseError: undefined, isNull: false, maps: undefined,
  };
  let data;
  try {
    data = JSONParse(stripBOM(text));
  } catch (err) {
    record.parseError = err.message;
    return record;
  }
  if (data === null) {
    record.isNull = true;
    return record;
  }
  // Own fields only: a getter on Object.prototype must not answer for one.
  const field = (key) => (ObjectHasOwn(data, key) ? data[key] : undefined);
  const name = field('name');
  const main = field('main');
  if (typeof name === 'string') record.name = name;
  if (typeof main === 'string') record.main = main;
  record.exports = field('exports');
  record.imports = field('imports');
  record.type = field('type');
  return record;
}

function checked(record) {
  if (record === null || (record.parseError === undefined && !record.isNull)) return record;
  if (record.isNull) throw new NativeTypeError('Cannot convert undefined or null to object');
  const err = new NativeSyntaxError(`Error parsing ${record.path}: ${record.parseError}`);
  setOwn(err, 'path', record.path);
  throw err;
}

function packageAt(dir) {
  return checked(peekPackage(dir));
}

// The package a directory's files belong to: the nearest package.json at or
// above it, not looking past a node_modules directory.
function scopeOf(dir) {
  let scope = scopes[dir];
  if (scope === undefined) {
    if (StringPrototypeEndsWith(dir, '/node_modules')) {
      scope = null;
    } else {
      scope = peekPackage(dir);
      if (scope === null && dir !== '/') scope = scopeOf(parentDir(dir));
    }
    scopes[dir] = scope;
  }
  return scope;
}

function packageScope(filename) {
  return checked(scopeOf(parentDir(resolvePath(info.cwd, filename))));
}

// --- errors ---------------------------------------------------------------------------

// Node's MODULE_NOT_FOUND, with the chain of requiring modules.
function notFound(request, parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = WeakMapPrototypeGet(parents, cursor)) {
    ArrayPrototypePush(stack, cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (stack.length > 0) message += '\nRequire stack:\n- ' + ArrayPrototypeJoin(stack, '\n- ');
  const err = new NativeError(message);
  setOwn(err, 'code', 'MODULE_NOT_FOUND');
  setOwn(err, 'requireStack', stack);
  return err;
}

// MODULE_NOT_FOUND without a require stack; `jsonPath` is the package.json
// whose map or "main" named the missing file.
function moduleNotFound(request, jsonPath) {
  const err = new NativeError(`Cannot find module '${request}'`);
  setOwn(err, 'code', 'MODULE_NOT_FOUND');
  if (jsonPath !== undefined) setOwn(err, 'path', jsonPath);
  return err;
}

// Node's ERR_INVALID_ARG_VALUE.
function invalidArgValue(name, value, reason) {
  let shown = inspect(value);
  if (shown.length > 128) shown = StringPrototypeSlice(shown, 0, 128) + '...';
  const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return nodeError(NativeTypeError, 'ERR_INVALID_ARG_VALUE',
                   `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

// --- built-ins --------------------------------------------------------------------------

const builtins = loaders.publicIds;  // islet's, a table without a prototype
function isIsletBuiltin(name) {
  return builtins[name] === true;
}
// 'events' or 'node:events', for a built-in islet has.
function isBuiltinRequest(request) {
  return typeof request === 'string' &&
         (builtins[request] === true || (StringPrototypeStartsWith(request, 'node:') &&
                                        builtins[StringPrototypeSlice(request, 5)] === true));
}
// Node 20's built-ins: 'node:fs' is a module islet does not have yet, not an
// unknown built-in like 'node:nope'.
const NODE_BUILTINS = ' _http_agent _http_client _http_common _http_incoming _http_outgoing ' +
    '_http_server _stream_duplex _stream_passthrough _stream_readable _stream_transform ' +
    '_stream_wrap _stream_writable _tls_common _tls_wrap assert assert/strict async_hooks ' +
    'buffer child_process cluster console constants crypto dgram diagnostics_channel dns ' +
    'dns/promises domain events fs fs/promises http http2 https inspector ' +
    'inspector/promises module net os path path/posix path/win32 perf_hooks process ' +
    'punycode querystring readline readline/promises repl stream stream/consumers ' +
    'stream/promises stream/web string_decoder sys timers timers/promises tls trace_events ' +
    'tty url util util/types v8 vm wasi worker_threads zlib ';
function isNodeBuiltin(name) {
  return name !== '' && !StringPrototypeIncludes(name, ' ') &&
         StringPrototypeIncludes(NODE_BUILTINS, ' ' + name + ' ');
}

// --- package.json maps (internal/modules/package_maps) --------------------------------------

// The conditions require() matches in "exports" and "imports", as Node's
// (with addons enabled, the default: islet loads no addon, but a package
// resolves to the file Node would pick).
const REQUIRE_CONDITIONS = ObjectFreeze({
  __proto__: null, 'require': true, 'module-sync': true, 'node': true, 'node-addons': true,
  'default': true,
});

let packageMaps;
function maps() {
  if (packageMaps === undefined) {
    packageMaps = require('internal/modules/package_maps').attach({
      __proto__: null, FILE, DIRECTORY, kindOf, realPathOf, peekPackage, checked, normalize,
      parentDir, isNodeBuiltin, moduleNotFound,
    });
  }
  return packageMaps;
}

// A package request's name ('pkg' or '@scope/pkg', up to the next '/'), or
// undefined when it cannot be one: Node only looks a request up in a
// package's "exports" when it matches /^((@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.
function packageNameOf(request) {
  let end = nameEnd(request, 0);
  if (end === -1) return undefined;
  if (StringPrototypeCharCodeAt(request, 0) === 64 /* '@' */ && end > 1 && end < request.length) {
    const scoped = nameEnd(request, end + 1);
    if (scoped !== -1) end = scoped;
  }
  // What follows is '/' and no line terminator ('.' in the expression).
  if (StringPrototypeIndexOf(request, '\n', end) !== -1 ||
      StringPrototypeIndexOf(request, '\r', end) !== -1 ||
      StringPrototypeIndexOf(request, '\u2028', end) !== -1 ||
      StringPrototypeIndexOf(request, '\u2029', end) !== -1) {
    return undefined;
  }
  return StringPrototypeSlice(request, 0, end);
}
// Where the name part starting at `from` ends (at '/' or the end), or -1
// when it is empty, starts with '.' or holds '\' or '%'.
function nameEnd(request, from) {
  const first = StringPrototypeCharCodeAt(request, from);
  if (from >= request.length || first === 46 || first === 47) return -1;
  let end = StringPrototypeIndexOf(request, '/', from);
  if (end === -1) end = request.length;
  const part = StringPrototypeSlice(request, from, end);
  if (StringPrototypeIncludes(part, '\\') || StringPrototypeIncludes(part, '%')) return -1;
  return end;
}

// --- finding files ----------------------------------------------------------------------

// The file `base` names with one of `extensions` added.
function withExtension(base, extensions) {
  for (let i = 0; i < extensions.length; i++) {
    const found = fileAt(base + extensions[i]);
    if (found !== undefined) return found;
  }
  return undefined;
}

// A directory: the file its package.json "main" names (as is, with an
// extension, or as a directory's index), else its index. A "main" naming
// nothing falls back to the index, with Node's deprecation warning.
function directoryEntry(dir, extensions, request) {
  const record = packageAt(dir);
  const main = record === null ? undefined : record.main;
  const index = child(dir, 'index');
  if (!main) return withExtension(index, extensions);
  const mainPath = resolvePath(dir, main);
  const found = fileAt(mainPath) || withExtension(mainPath, extensions) ||
                withExtension(child(mainPath, 'index'), extensions);
  if (found !== undefined) return found;
  const fallback = withExtension(index, extensions);
  if (fallback === undefined) {
    const err = new NativeError(`Cannot find module '${mainPath}'. Please verify that the ` +
                                'package.json has a valid "main" entry');
    setOwn(err, 'code', 'MODULE_NOT_FOUND');
    setOwn(err, 'path', record.path);
    setOwn(err, 'requestPath', request);
    throw err;
  }
  process.emitWarning(`Invalid 'main' field in '${record.path}' of '${main}'. Please either ` +
                      'fix that or report it to the module author', 'DeprecationWarning',
                      'DEP0128');
  return fallback;
}

// Whether the request names a directory: a trailing '/', or a last segment
// '.' or '..'.
function namesDirectory(request) {
  if (StringPrototypeEndsWith(request, '/')) return true;
  if (!StringPrototypeEndsWith(request, '.')) return false;
  return request === '.' || request === '..' || StringPrototypeEndsWith(request, '/.') ||
         StringPrototypeEndsWith(request, '/..');
}

// '.', '..', './x' or '../x'.
function isRelative(request) {
  return request === '.' || request === '..' || StringPrototypeStartsWith(request, './') ||
         StringPrototypeStartsWith(request, '../');
}

// Whether a relative request climbs out of the directory it starts in
// (whether path.normalize(request) starts with '..'): then it is looked for
// even from a directory that does not exist.
function climbsOut(request) {
  if (!isRelative(request)) return false;
  let depth = 0;
  let first = '';
  for (let from = 0; from <= request.length;) {
    let end = StringPrototypeIndexOf(request, '/', from);
    if (end === -1) end = request.length;
    const part = StringPrototypeSlice(request, from, end);
    if (part === '..') {
      if (depth === 0) return true;
      depth--;
    } else if (part !== '' && part !== '.') {
      if (depth++ === 0) first = part;
    }
    from = end + 1;
  }
  return depth > 0 && StringPrototypeStartsWith(first, '..');
}

// Module._findPath: the file `request` names, looked for from each of
// `paths` in turn; false if none has it.
function findPath(request, paths, isMain) {
  const absolute = isAbsolute(request);
  if (absolute) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  const asDirectory = namesDirectory(request);
  // A package name is looked up in each node_modules directory's package
  // "exports" first.
  const name = absolute ? undefined : packageNameOf(request);
  let extensions;
  for (let i = 0; i < paths.length; i++) {
    const from = paths[i];
    const dir = from === '' ? info.cwd : resolvePath(info.cwd, from);
    if (from !== '' && kindOf(dir) !== DIRECTORY && !climbsOut(request)) continue;
    if (name !== undefined) {
      const record = packageAt(child(dir, name));
      if (record !== null && record.exports !== null && record.exports !== undefined) {
        return maps().exportsTarget(record, '.' + StringPrototypeSlice(request, name.length),
                                    undefined, REQUIRE_CONDITIONS);
      }
    }
    const base = absolute ? normalize(request) : resolvePath(dir, request);
    const kind = kindOf(base);
    let found;
    if (!asDirectory) {
      if (kind === FILE) return realPathOf(base);
      if (extensions === undefined) extensions = ObjectKeys(Module._extensions);
      found = withExtension(base, extensions);
    }
    if (found === undefined && kind === DIRECTORY) {
      if (extensions === undefined) extensions = ObjectKeys(Module._extensions);
      found = directoryEntry(base, extensions, request);
    }
    if (found !== undefined) return found;
  }
  return false;
}

// --- where to look ------------------------------------------------------------------

// The global folders, as Node computes them when it starts (and again on
// Module._initPaths()): NODE_PATH's entries (as they are), $HOME/.node_modules,
// $HOME/.node_libraries, then <prefix>/lib/node, the prefix being /usr for
// islet's /usr/bin/islet.
let globalFolders = [];
function initPaths() {
  const home = processBinding.envGet('HOME');
  const nodePath = processBinding.envGet('NODE_PATH');
  const folders = [];
  if (nodePath) {
    for (let from = 0; from <= nodePath.length;) {
      let end = StringPrototypeIndexOf(nodePath, ':', from);
      if (end === -1) end = nodePath.length;
      if (end > from) ArrayPrototypePush(folders, StringPrototypeSlice(nodePath, from, end));
      from = end + 1;
    }
  }
  if (home) {
    ArrayPrototypePush(folders, resolvePath(home, '.node_modules'),
                       resolvePath(home, '.node_libraries'));
  }
  ArrayPrototypePush(folders, '/usr/lib/node');
  globalFolders = folders;
  Module.globalPaths = ArrayPrototypeSlice(folders);
}

// Module._resolveLookupPaths: where `request` is looked for, for `parent`:
// null for a built-in; the parent's directory for '.', '..', './x', '../x'
// (and, as in Node, '..x'); the parent's node_modules directories and the
// global folders for anything else.
function lookupPaths(request, parent) {
  if (isBuiltinRequest(request)) return null;
  const second = StringPrototypeCharCodeAt(request, 1);
  if (StringPrototypeCharCodeAt(request, 0) !== 46 ||
      (request.length > 1 && second !== 46 && second !== 47)) {
    const own = parent ? parent.paths : undefined;
    if (!own || !own.length) {
      return globalFolders.length > 0 ? ArrayPrototypeSlice(globalFolders) : null;
    }
    const paths = ArrayPrototypeSlice(own);
    for (let i = 0; i < globalFolders.length; i++) ArrayPrototypePush(paths, globalFolders[i]);
    return paths;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [dirname(parent.filename)];
}

// require.resolve's { paths }: a relative request is looked for from each
// directory given; anything else as if a module in each one asked.
function lookupPathsFrom(request, given) {
  if (isRelative(request)) return given;
  const stand = new Module('', null);
  const paths = [];
  for (let i = 0; i < given.length; i++) {
    stand.paths = Module._nodeModulePaths(given[i]);
    const found = Module._resolveLookupPaths(request, stand);
    for (let j = 0; j < found.length; j++) {
      if (!ArrayPrototypeIncludes(paths, found[j])) ArrayPrototypePush(paths, found[j]);
    }
  }
  return paths;
}

// --- resolving a request ----------------------------------------------------------------

// Module._resolveFilename: the file (or built-in name) `request` names for
// `parent`.
function resolveFilename(request, parent, isMain, options) {
  if (isBuiltinRequest(request)) return request;
  if (StringPrototypeStartsWith(request, 'node:')) throw notFound(request, parent);
  let paths;
  const given = options !== null && typeof options === 'object' ? options.paths : undefined;
  if (given === undefined) {
    paths = Module._resolveLookupPaths(request, parent);
  } else if (ArrayIsArray(given)) {
    paths = lookupPathsFrom(request, given);
  } else {
    throw invalidArgValue('options.paths', given, 'is invalid');
  }

  const parentPath = parent ? parent.filename : undefined;
  if (StringPrototypeCharCodeAt(request, 0) === 35 /* '#' */ && parentPath) {
    const found = viaImports(request, parentPath);
    if (found !== undefined) return found;
  }
  if (parentPath) {
    const found = viaOwnName(request, parentPath);
    if (found !== undefined) return found;
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  throw notFound(request, parent);
}

// '#name' through the "imports" of the requiring file's package, when it
// has them.
function viaImports(request, parentPath) {
  const scope = packageScope(parentPath);
  if (scope === null || scope.imports === null || scope.imports === undefined) return undefined;
  try {
    return maps().importsTarget(scope, request, parentPath, REQUIRE_CONDITIONS);
  } catch (err) {
    if (err !== null && typeof err === 'object' && err.code === 'ERR_MODULE_NOT_FOUND') {
      throw moduleNotFound(request);
    }
    throw err;
  }
}

// A package requiring itself by its name, through its own "exports".
function viaOwnName(request, parentPath) {
  const scope = packageScope(parentPath);
  if (scope === null || scope.exports === null || scope.exports === undefined) return undefined;
  const name = scope.name;
  if (name === undefined || !StringPrototypeStartsWith(request, name)) return undefined;
  if (request.length === name.length) {
    return maps().exportsTarget(scope, '.', parentPath, REQUIRE_CONDITIONS);
  }
  if (StringPrototypeCharCodeAt(request, name.length) !== 47) return undefined;
  return maps().exportsTarget(scope, '.' + StringPrototypeSlice(request, name.length),
                              parentPath, REQUIRE_CONDITIONS);
}

// --- ES modules (refused for now) -------------------------------------------------

// Node's ERR_REQUIRE_ESM. `jsonPath` is the package.json whose "type":
// "module" made a .js file an ES module.
function requireEsmError(filename, esmSyntax, parentPath, jsonPath) {
  let message = `require() of ES Module ${filename}` +
                `${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!jsonPath) {
    if (StringPrototypeEndsWith(filename, '.mjs')) {
      message += `\nInstead change the require of ${filename} to a dynamic import() ` +
                 'which is available in all CommonJS modules.';
    }
    return nodeError(NativeError, 'ERR_REQUIRE_ESM', message);
  }
  const shortName = parentPath && basename(filename) === basename(parentPath)
      ? filename : basename(filename);
  if (esmSyntax) {
    message += `\nInstead change the require of ${shortName} in ${parentPath} to a dynamic ` +
               'import() which is available in all CommonJS modules.';
    return nodeError(NativeError, 'ERR_REQUIRE_ESM', message);
  }
  message += `\n${shortName} is treated as an ES module file as it is a .js file whose nearest ` +
             'parent package.json contains "type": "module" which declares all .js files in ' +
             `that package scope as ES modules.\nInstead either rename ${shortName} to end in ` +
             '.cjs, change the requiring code to use dynamic import() which is available in all ' +
             'CommonJS modules, or change "type": "module" to "type": "commonjs" in ' +
             `${jsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules ` +
             'instead).\n';
  return nodeError(NativeError, 'ERR_REQUIRE_ESM', message);
}

// Whether a source is what Node calls ES module syntax (a top-level import
// or export): compiled as a CommonJS function, it fails at exactly those.
function hasEsmSyntax(source, filename) {
  try {
    builtinsBinding.compileFunction(stripShebang(source), filename, WRAPPER_PARAMS);
    return false;
  } catch (err) {
    const message = err !== null && typeof err === 'object' ? err.message : undefined;
    return message === 'Cannot use import statement outside a module' ||
           message === "Unexpected token 'export'";
  }
}

// --- modules ---------------------------------------------------------------------------

// Which module first required each one (module.parent), kept off the module.
const parents = new NativeWeakMap();

// Own symbols Node 20 puts on each module (console.log(module) shows them).
const IS_MAIN = NativeSymbol('kIsMainSymbol');
const IS_CACHED_BY_ESM = NativeSymbol('kIsCachedByESMLoader');
const IS_EXECUTING = NativeSymbol('kIsExecuting');

function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  setOwn(this, 'exports', {});
  WeakMapPrototypeSet(parents, this, parent);
  addChild(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

// Module.wrap and Module.wrapper: a script that changes either gets its
// modules compiled from the wrapped text (a classic script); otherwise a
// module is a function compiled with the wrapper's parameters.
const WRAPPER_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n});';
function defaultWrap(script) {
  return wrapper[0] + script + wrapper[1];
}
let wrap = defaultWrap;
let wrapper = [WRAPPER_HEAD, WRAPPER_TAIL];

// V8 reads a '#!' line only at the start of a script, not of a function
// body: it becomes a comment of the same length.
function stripShebang(text) {
  return StringPrototypeStartsWith(text, '#!') ? '//' + StringPrototypeSlice(text, 2) : text;
}

// The statics, in Node's order (Object.keys(require('module')) shows it);
// the rest come below, where they are made.
Module._cache = { __proto__: null };
// islet keeps no path cache (what resolution reads is fixed for a worker's
// life); tools that clear Node's find an empty table.
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
ObjectDefineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) { wrap = value; },
  enumerable: false,
  configurable: false,
});
ObjectDefineProperty(Module, 'wrapper', {
  __proto__: null,
  get() { return wrapper; },
  set(value) { wrapper = value; },
  enumerable: false,
  configurable: false,
});
Module.isBuiltin = function isBuiltin(moduleName) {
  return isBuiltinRequest(moduleName);
};
Module._findPath = findPath;
Module._nodeModulePaths = nodeModulePaths;
Module._resolveLookupPaths = lookupPaths;

// `child` into parent.children; with `once`, only if not there yet.
function addChild(parent, child, once) {
  const children = parent ? parent.children : undefined;
  if (children && !(once && ArrayPrototypeIncludes(children, child))) {
    ArrayPrototypePush(children, child);
  }
}

// As Node's: the constructor is a getter (console.log(module) then shows no
// class name) and `parent` a deprecated accessor.
ObjectDefineProperty(Module.prototype, 'constructor', {
  __proto__: null, get: function get() { return Module; }, enumerable: false,
  configurable: false,
});
ObjectDefineProperty(Module.prototype, 'isPreloading', {
  __proto__: null, get: function get() { return false; }, enumerable: false,
  configurable: false,
});
ObjectDefineProperty(Module.prototype, 'parent', {
  __proto__: null,
  get: function deprecated() { return WeakMapPrototypeGet(parents, this); },
  set: function deprecated(value) { WeakMapPrototypeSet(parents, this, value); },
  enumerable: false,
  configurable: false,
});

// The handler for a file: its longest registered extension ('.b.c' before
// '.c' for 'a.b.c'), '.js' if none is.
function extensionOf(filename) {
  const name = basename(filename);
  for (let dot = StringPrototypeIndexOf(name, '.', 1); dot !== -1;
       dot = StringPrototypeIndexOf(name, '.', dot + 1)) {
    const extension = StringPrototypeSlice(name, dot);
    if (Module._extensions[extension]) return extension;
  }
  return '.js';
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(dirname(filename));
  const extension = extensionOf(filename);
  if (StringPrototypeEndsWith(filename, '.mjs') && !Module._extensions['.mjs']) {
    // require() of an ES module, as Node 20.19+ allows (internal/modules/esm/loader).
    const parent = WeakMapPrototypeGet(parents, this);
    setOwn(this, 'exports',
           esm().requireModule(filename, parent ? parent.filename : undefined));
    this.loaded = true;
    return;
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') throw invalidArgValue('id', id, 'must be a non-empty string');
  // The operator's door for debugging islet (isletd --expose-internals):
  // off by default, and then this name is an unknown module like any other.
  if (id === 'islet:internal/binding' && info.exposeInternals === true) {
    return loaders.allNativeFunctions();
  }
  return Module._load(id, this, false);
};

function compileModule(content, filename) {
  if (wrap !== defaultWrap || wrapper[0] !== WRAPPER_HEAD || wrapper[1] !== WRAPPER_TAIL) {
    return builtinsBinding.runScript(ReflectApply(wrap, Module, [content]), filename);
  }
  return builtinsBinding.compileFunction(stripShebang(content), filename, WRAPPER_PARAMS);
}

Module.prototype._compile = function(content, filename) {
  const compiled = compileModule(content, filename);
  const require = makeRequire(this);
  const exports = this.exports;
  this[IS_EXECUTING] = true;
  const result = ReflectApply(compiled, exports,
                              [exports, require, this, filename, dirname(filename)]);
  this[IS_EXECUTING] = false;
  return result;
};

// The require function a module gets.
function makeRequire(module) {
  const require = function require(path) {
    return module.require(path);
  };
  const resolve = function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, module, false, options);
  };
  setOwn(resolve, 'paths', function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, module);
  });
  setOwn(require, 'resolve', resolve);
  setOwn(require, 'main', process.mainModule);
  setOwn(require, 'extensions', Module._extensions);
  setOwn(require, 'cache', Module._cache);
  return require;
}

// --- loading ---------------------------------------------------------------------------

// A module's exports seen from a require cycle while it is still loading: a
// plain object gets a prototype that warns about reads of what it does not
// have (yet), as Node's does, until the module finishes.
let cycleWarner;
function exportsInCycle(module) {
  const exports = module.exports;
  if (exports && !typesBinding.isProxy(exports) &&
      ObjectGetPrototypeOf(exports) === ObjectPrototype && !exports.__esModule) {
    if (cycleWarner === undefined) cycleWarner = makeCycleWarner();
    ObjectSetPrototypeOf(exports, cycleWarner);
  }
  return exports;
}
function makeCycleWarner() {
  const warn = (property) => process.emitWarning(
      `Accessing non-existent property '${NativeString(property)}' of module exports inside ` +
      'circular dependency');
  return new NativeProxy({}, {
    __proto__: null,
    get(target, property, receiver) {
      if (property in target || property === '__esModule') {
        return ReflectGet(target, property, receiver);
      }
      warn(property);
      return undefined;
    },
    getOwnPropertyDescriptor(target, property) {
      if (ObjectHasOwn(target, property) || property === '__esModule') {
        return ObjectGetOwnPropertyDescriptor(target, property);
      }
      warn(property);
      return undefined;
    },
  });
}

// A cached module's exports for another requirer.
function reuse(cached, parent) {
  addChild(parent, cached, true);
  return cached.loaded ? cached.exports : exportsInCycle(cached);
}

// 'node:x' goes straight to the built-ins, without resolution.
function loadWithScheme(request, parent) {
  const id = StringPrototypeSlice(request, 5);
  if (isIsletBuiltin(id)) return loaders.loadBuiltin(id);
  if (isNodeBuiltin(id) || id === 'test' || id === 'test/reporters' || id === 'sea') {
    throw notFound(request, parent);
  }
  throw nodeError(NativeError, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
}

Module._load = function(request, parent, isMain) {
  if (StringPrototypeStartsWith(request, 'node:')) return loadWithScheme(request, parent);
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) return reuse(cached, parent);
  if (isIsletBuiltin(filename)) return loaders.loadBuiltin(filename);

  const module = new Module(filename, parent);
  if (isMain) {
    setOwn(process, 'mainModule', module);
    setOwn(module.require, 'main', module);
    module.id = '.';
  }
  module[IS_MAIN] = !!isMain;
  module[IS_CACHED_BY_ESM] = false;
  Module._cache[filename] = module;
  let loaded = false;
  try {
    module.load(filename);
    loaded = true;
  } finally {
    if (!loaded) {
      delete Module._cache[filename];
      const children = parent ? parent.children : undefined;
      if (ArrayIsArray(children)) {
        const at = ArrayPrototypeIndexOf(children, module);
        if (at !== -1) ArrayPrototypeSplice(children, at, 1);
      }
    }
  }
  const exports = module.exports;
  if (exports && !typesBinding.isProxy(exports) && cycleWarner !== undefined &&
      ObjectGetPrototypeOf(exports) === cycleWarner) {
    ObjectSetPrototypeOf(exports, ObjectPrototype);
  }
  return exports;
};

// --- file types -------------------------------------------------------------------------

Module._extensions['.js'] = function(module, filename) {
  const content = readSource(filename);
  if (StringPrototypeEndsWith(filename, '.js')) {
    const scope = packageScope(filename);
    if (scope !== null && scope.type === 'module') {
      // An ES module: loaded as one, as Node 20.19+ does (internal/modules/esm/loader).
      const parent = WeakMapPrototypeGet(parents, module);
      setOwn(module, 'exports',
             esm().requireModule(filename, parent ? parent.filename : undefined));
      return;
    }
  }
  module._compile(content, filename);
};

Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename);
  try {
    setOwn(module, 'exports', JSONParse(stripBOM(content)));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  const err = new NativeError(`Cannot load native addon ${filename}: islet runs JavaScript ` +
                              'only and cannot load native addons (.node files)');
  setOwn(err, 'code', 'ERR_DLOPEN_FAILED');
  throw err;
};

// --- createRequire ------------------------------------------------------------------------

// Module.createRequire(filename): a require for a file that need not exist,
// given as an absolute path, a file: URL string or a URL object. A path
// ending in '/' stands for a directory.
function createRequire(filename) {
  let path;
  if (typeof filename === 'string' && isAbsolute(filename)) {
    path = filename;
  } else if (typeof filename === 'string' || isURLObject(filename)) {
    path = maps().fileURLToPath(filename);
  }
  if (path === undefined) {
    throw invalidArgValue('filename', filename, 'must be a file URL object, file URL string, ' +
                          'or absolute path string');
  }
  const stand = StringPrototypeEndsWith(path, '/') ? resolvePath(path, 'noop.js') : path;
  const module = new Module(stand);
  module.filename = stand;
  module.paths = Module._nodeModulePaths(module.path);
  return makeRequire(module);
}
function isURLObject(value) {
  return value !== null && typeof value === 'object' && !!value.href && !!value.protocol &&
         value.auth === undefined && value.path === undefined;
}

// --- the rest of the statics ---------------------------------------------------------

Module._resolveFilename = resolveFilename;
Module.createRequire = createRequire;
Module._initPaths = initPaths;
// import { join } from 'path' sees path.join as it was when first imported,
// until this is called (internal/modules/esm/loader).
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  esm().syncBuiltinExports();
};
Module.Module = Module;
// The built-ins islet has, sorted: made on first use, then a plain property.
ObjectDefineProperty(Module, 'builtinModules', {
  __proto__: null,
  get() {
    const names = ObjectKeys(builtins);
    for (let i = 1; i < names.length; i++) {  // a short list: insertion sort
      const name = names[i];
      let j = i - 1;
      for (; j >= 0 && names[j] > name; j--) names[j + 1] = names[j];
      names[j + 1] = name;
    }
    setOwn(Module, 'builtinModules', ObjectFreeze(names));
    return names;
  },
  set(value) { setOwn(Module, 'builtinModules', value); },
  enumerable: true,
  configurable: true,
});
Module.runMain = function executeUserEntryPoint(main = process.argv[1]) {
  runEntry(main);
};

// --- entry points -----------------------------------------------------------------------

// Runs `main` (a path) as the main module, as `node main` would; an ES
// module entry is refused as Node words it for require().
function runEntry(main) {
  const found = Module._findPath(resolvePath(info.cwd, main), null, true);
  if (found) {
    let why;
    if (StringPrototypeEndsWith(found, '.mjs')) {
      why = 'it is an .mjs file';
    } else if (!StringPrototypeEndsWith(found, '.cjs')) {
      const scope = packageScope(found);
      if (scope !== null && scope.type === 'module') {
        why = `its nearest package.json, ${scope.path}, contains "type": "module"`;
      }
    }
    if (why !== undefined) {
      throw nodeError(NativeError, 'ERR_REQUIRE_ESM',
                      `require() of ES Module ${found} not supported.\nislet cannot run an ` +
                      `ES module as the entry point yet, and ${found} is one: ${why}.`);
    }
  }
  Module._load(main, null, true);
}

// The hook the native side calls to run a worker's code.
function runMain() {
  initPaths();
  if (info.isEval) {
    runEval();
  } else {
    runEntry(info.filename);
  }
}

// As Node's evalScript: the code runs as a classic script in the global
// scope (`this` is globalThis, top-level `var`s are globals), after
// module, exports, require, __dirname and __filename are set as globals;
// its module ('[worker eval]') is no main module, so require.main is
// undefined.
function runEval() {
  const name = info.filename;
  const module = new Module(name);
  module.filename = resolvePath(info.cwd, name);
  module.paths = Module._nodeModulePaths(info.cwd);
  module[IS_EXECUTING] = false;
  globalObject.module = module;
  globalObject.exports = module.exports;
  globalObject.__dirname = '.';
  globalObject.require = makeRequire(module);
  globalObject.__filename = name;
  builtinsBinding.runScript(info.evalCode, name);
}

// For worker_threads: the bundle file a Worker's file name (a bundle name)
// stands for, found as Node finds an entry point (the name, its extensions,
// a directory's package.json "main" or index); the name itself if nothing is
// there (the worker then fails as Node's does).
function resolveBundleFile(name) {
  if (isAbsolute(name)) return name;  // outside the bundle
  const found = findPath(bundlePath(name), null, true);
  const foundName = found ? bundleName(found) : undefined;
  return foundName === undefined ? name : foundName;
}

// --- for the ES module loader (internal/modules/esm/loader) ---------------------------------------

// "module-sync" (Node 20.19+): a module require() can load as well.
const IMPORT_CONDITIONS = ObjectFreeze({
  __proto__: null, 'node': true, 'import': true, 'module-sync': true, 'default': true,
});

// The bundle facts and package.json maps, as import resolves with them.
// Paths are absolute; the URL paths the maps give are still escaped.
const packageJson = {
  __proto__: null,
  FILE, DIRECTORY, kindOf, realPathOf, normalize, parentDir, stripShebang,
  // The content of the file at `path`, or undefined.
  readFile(path) {
    return kindOf(path) === FILE ? bundleBinding.readFile(bundleName(path)) : undefined;
  },
  // The package scope of a file: its package.json record, or null.
  scopeOf(path) {
    return packageScope(path);
  },
  // '#name' imported from the file `fromPath`: a URL path.
  importsURL(name, fromPath) {
    const scope = packageScope(fromPath);
    if (scope === null) {
      throw nodeError(NativeTypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
                      `Package import specifier "${name}" is not defined imported from ${fromPath}`);
    }
    return maps().importsURL(scope, name, fromPath, IMPORT_CONDITIONS);
  },
  // A package name (and subpath) imported from `fromPath`: a URL path.
  packageURL(specifier, fromPath) {
    return maps().packageURL(specifier, parentDir(fromPath), packageScope(fromPath), fromPath,
                             IMPORT_CONDITIONS);
  },
  urlToPath: (url) => maps().urlToPath(url),
  fileURL: (path) => maps().fileURL(path),
  fileURLToPath: (url) => maps().fileURLToPath(url),
  isNodeBuiltin,
};
// A CommonJS file imported by an ES module: loaded as require() loads it
// (the same cache), with no parent.
const cjsImport = (path) => Module._load(path, null, false);
// Whether the file at `path` is an ES module: .mjs, or .js (or no
// extension) in a package scope whose "type" is "module". Answered here, so
// that a worker whose main module is CommonJS never loads the ES module
// loader.
function isModuleFile(path) {
  if (kindOf(path) !== FILE) return false;  // require() reports it missing
  const base = StringPrototypeSlice(path, StringPrototypeLastIndexOf(path, '/') + 1);
  const dot = StringPrototypeLastIndexOf(base, '.');
  const ext = dot <= 0 ? '' : StringPrototypeSlice(base, dot);
  if (ext === '.mjs') return true;
  if (ext !== '.js' && ext !== '') return false;
  const scope = packageScope(path);
  return scope !== null && scope.type === 'module';
}
// require.resolve(request) from the file `fromPath` (for re-exports).
const cjsResolve = (request, fromPath) => {
  const module = new Module(fromPath, null);
  module.filename = fromPath;
  module.paths = Module._nodeModulePaths(parentDir(fromPath));
  return Module._resolveFilename(request, module, false);
};

// Hidden classes: V8 makes an object's shape when properties are first
// added to one like it, several microseconds a property, and a worker's
// first module and require function would pay for theirs on the spawn path
// (~70 us of runMain). One of each is made now, while the environment is
// prepared ahead of time, its properties added in a real module's order.
{
  const sample = new Module('/', null);
  sample[IS_MAIN] = false;
  sample[IS_CACHED_BY_ESM] = false;
  sample.filename = '/';
  sample.paths = [];
  makeRequire(sample);
  sample[IS_EXECUTING] = false;
  sample.loaded = true;
}

module.exports = {
  __proto__: null, Module, runMain, resolveBundleFile,
  // For the ES module loader.
  packageJson, cjsImport, cjsResolve, isModuleFile,
};
