// require() for a job's files: islet's CommonJS loader. It resolves and loads
// modules by Node 20's rules (relative and absolute paths, the extensions
// Module._extensions names, directories through package.json "main" or
// index, node_modules up the tree, package.json "exports" and "imports"
// with the require conditions, self-reference, symlinks resolved to real
// paths) and gives Node's errors, word for word. The files are the job's
// bundle: an absolute path P is the bundle name P without `info.root + '/'`,
// and nothing outside the root exists (binding.fileKind, binding.realpath,
// binding.readFile).
//
// The public surface is Node's: the Module class (require('module')), its
// monkey-patchable hook points (Module._load, Module._resolveFilename,
// Module._extensions, Module.prototype.require/_compile, Module.wrap), which
// the chain from require() to a compiled module goes through as in Node, so
// that the tools that patch them (require hooks, aliases, mocks) work. The
// loader's own reasoning (paths, package.json, exports) only uses built-ins
// captured before any script ran: a script patching Array.prototype,
// String.prototype, JSON or Object.prototype cannot steer it.
'use strict';

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
  ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice,
  JSONParse, JSONStringify,
  ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf,
  ObjectHasOwn, ObjectKeys, ObjectPrototype, ObjectSetPrototypeOf,
  ReflectApply, ReflectDefineProperty, ReflectGet, ReflectSet,
  SafeMap, SafeWeakMap,
  StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeLastIndexOf, StringPrototypeSlice,
  StringPrototypeStartsWith, StringPrototypeToLowerCase,
  decodeURIComponent,
} = primordials;
const { info, inspect, invalidArgType } = internals;
const process = internals.process;
// Globals this module needs later, taken now: scripts run after it loads.
const NativeError = Error;
const NativeTypeError = TypeError;
const NativeSyntaxError = SyntaxError;
const NativeProxy = Proxy;
const NativeString = String;
const NativeSymbol = Symbol;
const globalObject = globalThis;

const SLASH = 47;  // '/'
const DOT = 46;    // '.'

// The file kinds binding.fileKind answers.
const MISSING = 0;
const FILE = 1;
const DIRECTORY = 2;

// What Node keeps on each module as own symbols (console.log(module) shows
// them), and where it keeps a module's parent (not on the module).
const kIsMainSymbol = NativeSymbol('kIsMainSymbol');
const kIsCachedByESMLoader = NativeSymbol('kIsCachedByESMLoader');
const kIsExecuting = NativeSymbol('kIsExecuting');
const parentOf = new SafeWeakMap();

// An own data property, whatever setters a prototype has.
function setOwn(object, key, value) {
  ObjectDefineProperty(object, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

// A field of parsed JSON: its own property only, never an inherited one (a
// getter a script put on Object.prototype must not answer for a missing key).
function own(object, key) {
  return ObjectHasOwn(object, key) ? object[key] : undefined;
}

// --- errors ---------------------------------------------------------------------

// Node's internal errors: `code` an own property, and the stack and
// toString reading 'Error [CODE]: message'.
const nodeErrorClasses = new SafeMap();
function nodeErrorClass(Base) {
  let Class = nodeErrorClasses.get(Base);
  if (Class === undefined) {
    Class = class extends Base {
      toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    };
    ObjectDefineProperty(Class, 'name', { __proto__: null, value: Base.name });
    nodeErrorClasses.set(Base, Class);
  }
  return Class;
}
function nodeError(Base, code, message) {
  const err = new (nodeErrorClass(Base))(message);
  // V8 writes the stack's first line from the name when the stack is first
  // read: read it under the decorated name, then drop the own name.
  setOwn(err, 'name', `${Base.name} [${code}]`);
  try {
    void err.stack;
  } catch {
    // a script's Error.prepareStackTrace threw: the stack is its business
  }
  delete err.name;
  setOwn(err, 'code', code);
  return err;
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

// Node's ERR_INVALID_ARG_VALUE.
function invalidArgValue(name, value, reason = 'is invalid') {
  let shown = inspect(value);
  if (shown.length > 128) shown = StringPrototypeSlice(shown, 0, 128) + '...';
  const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return nodeError(NativeTypeError, 'ERR_INVALID_ARG_VALUE',
                   `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

// Node's "Cannot find module" without a require stack (a target or a
// package main that names no file).
function moduleNotFound(request, jsonPath) {
  const err = new NativeError(`Cannot find module '${request}'`);
  setOwn(err, 'code', 'MODULE_NOT_FOUND');
  if (jsonPath) setOwn(err, 'path', jsonPath);
  return err;
}

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

// Whether a source Node would call ES module syntax (a top-level import or
// export statement). islet has no module parser of its own here: the source
// compiled as a CommonJS function fails exactly at such a statement.
function hasEsmSyntax(source, filename) {
  try {
    binding.compileFunction(stripShebang(source), filename,
                            ['exports', 'require', 'module', '__filename', '__dirname']);
    return false;
  } catch (err) {
    const message = err !== null && typeof err === 'object' ? err.message : undefined;
    return message === 'Cannot use import statement outside a module' ||
           message === "Unexpected token 'export'";
  }
}

// --- paths ------------------------------------------------------------------------
// POSIX paths, as Node's path module computes them, over captured built-ins.

function isAbsolute(path) {
  return path.length > 0 && StringPrototypeCharCodeAt(path, 0) === SLASH;
}

// An absolute path without '.', '..', empty segments or a trailing slash.
function normalizeAbsolute(path) {
  const parts = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && StringPrototypeCharCodeAt(path, i) !== SLASH) continue;
    const part = StringPrototypeSlice(path, start, i);
    start = i + 1;
    if (part === '..') {
      if (parts.length > 0) parts.length--;
    } else if (part !== '' && part !== '.') {
      ArrayPrototypePush(parts, part);
    }
  }
  return '/' + ArrayPrototypeJoin(parts, '/');
}

// path.normalize of a relative path: '..' segments that climb above the
// start stay in front.
function normalizeRelative(path) {
  const parts = [];
  let climbs = 0;
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && StringPrototypeCharCodeAt(path, i) !== SLASH) continue;
    const part = StringPrototypeSlice(path, start, i);
    start = i + 1;
    if (part === '..') {
      if (parts.length > 0) parts.length--;
      else climbs++;
    } else if (part !== '' && part !== '.') {
      ArrayPrototypePush(parts, part);
    }
  }
  let out = '';
  for (let i = 0; i < climbs; i++) out += i === 0 ? '..' : '/..';
  const rest = ArrayPrototypeJoin(parts, '/');
  return out === '' ? rest : rest === '' ? out : out + '/' + rest;
}

// path.resolve(...paths): the last absolute one, then the rest joined on;
// relative to the working directory if none is absolute.
function resolvePath(base, request) {
  if (isAbsolute(request)) return normalizeAbsolute(request);
  if (!isAbsolute(base)) base = info.cwd + '/' + base;
  return normalizeAbsolute(base + '/' + request);
}

// path.dirname: what precedes the last segment ('.' when nothing does).
function dirname(path) {
  validateString(path, 'path');
  let end = path.length;
  while (end > 1 && StringPrototypeCharCodeAt(path, end - 1) === SLASH) end--;
  const slash = StringPrototypeLastIndexOf(path, '/', end - 1);
  if (slash === -1) return '.';
  if (slash === 0) return '/';
  // As Node's: '//a' keeps both slashes, '/a//b' gives '/a/'.
  if (slash === 1 && StringPrototypeCharCodeAt(path, 0) === SLASH) return '//';
  return StringPrototypeSlice(path, 0, slash);
}

function basename(path) {
  let end = path.length;
  while (end > 1 && StringPrototypeCharCodeAt(path, end - 1) === SLASH) end--;
  return StringPrototypeSlice(path, StringPrototypeLastIndexOf(path, '/', end - 1) + 1, end);
}

// --- the bundle ---------------------------------------------------------------------

// The bundle name of a normalized absolute path, undefined outside the root.
function bundleName(path) {
  const root = info.root;
  if (root === '/') return StringPrototypeSlice(path, 1);
  if (path === root) return '';
  if (StringPrototypeStartsWith(path, root) &&
      StringPrototypeCharCodeAt(path, root.length) === SLASH) {
    return StringPrototypeSlice(path, root.length + 1);
  }
  return undefined;
}
function bundlePath(name) {
  const root = info.root;
  if (name === '') return root;
  return root === '/' ? '/' + name : root + '/' + name;
}

// A bundle never changes while its job runs: what was found stays found.
const kindCache = new SafeMap();
function kindOf(path) {
  let kind = kindCache.get(path);
  if (kind === undefined) {
    const name = bundleName(path);
    kind = name === undefined ? MISSING : binding.fileKind(name);
    kindCache.set(path, kind);
  }
  return kind;
}

const realCache = new SafeMap();
// The path with every symlink resolved (fs.realpathSync).
function realPath(path) {
  let real = realCache.get(path);
  if (real === undefined) {
    const name = bundleName(path);
    const resolved = name === undefined ? undefined : binding.realpath(name);
    real = resolved === undefined ? path : bundlePath(resolved);
    realCache.set(path, real);
  }
  return real;
}

// fs.readFileSync(path, 'utf8'), and its errors.
function readSource(path) {
  const normalized = isAbsolute(path) ? normalizeAbsolute(path) : resolvePath(info.cwd, path);
  const kind = kindOf(normalized);
  const name = bundleName(normalized);
  const text = kind === FILE ? binding.readFile(name) : undefined;
  if (text !== undefined) return text;
  const err = kind === DIRECTORY
      ? new NativeError('EISDIR: illegal operation on a directory, read')
      : new NativeError(`ENOENT: no such file or directory, open '${path}'`);
  setOwn(err, 'errno', kind === DIRECTORY ? -21 : -2);
  setOwn(err, 'code', kind === DIRECTORY ? 'EISDIR' : 'ENOENT');
  setOwn(err, 'syscall', kind === DIRECTORY ? 'read' : 'open');
  if (kind !== DIRECTORY) setOwn(err, 'path', path);
  throw err;
}

function stripBOM(text) {
  return StringPrototypeCharCodeAt(text, 0) === 0xFEFF ? StringPrototypeSlice(text, 1) : text;
}
// V8 reads a '#!' line only at the start of a script, not of a function
// body: it becomes a comment of the same length.
function stripShebang(text) {
  return StringPrototypeStartsWith(text, '#!') ? '//' + StringPrototypeSlice(text, 2) : text;
}

// --- package.json -----------------------------------------------------------------

// Each package.json read once: a record of the fields resolution uses, or
// false when there is none. A file that does not parse fails every time it
// is consulted, as in Node, with the parser's message.
const packageCache = new SafeMap();
function readPackage(dir) {
  const jsonPath = dir === '/' ? '/package.json' : dir + '/package.json';
  let record = packageCache.get(jsonPath);
  if (record === undefined) {
    record = parsePackage(dir, jsonPath);
    packageCache.set(jsonPath, record);
  }
  if (record === false) return undefined;
  if (record.parseError !== undefined) {
    const err = new NativeSyntaxError(`Error parsing ${jsonPath}: ${record.parseError}`);
    setOwn(err, 'path', jsonPath);
    throw err;
  }
  if (record.isNull) {
    // What Node's reading of fields from `null` throws.
    throw new NativeTypeError('Cannot convert undefined or null to object');
  }
  return record;
}
function parsePackage(dir, jsonPath) {
  const name = kindOf(jsonPath) === FILE ? bundleName(jsonPath) : undefined;
  const text = name === undefined ? undefined : binding.readFile(name);
  if (text === undefined) return false;
  const record = {
    __proto__: null, dir, path: jsonPath, parseError: undefined, isNull: false,
    name: undefined, main: undefined, exports: undefined, imports: undefined, type: undefined,
  };
  let data;
  try {
    data = JSONParse(stripBOM(text));
  } catch (err) {
    record.parseError = err.message;
    return record;
  }
  if (data === null || data === undefined) {
    record.isNull = true;
    return record;
  }
  const packageName = own(data, 'name');
  if (typeof packageName === 'string') record.name = packageName;
  const main = own(data, 'main');
  if (typeof main === 'string') record.main = main;
  record.exports = own(data, 'exports');
  record.imports = own(data, 'imports');
  record.type = own(data, 'type');
  return record;
}

// The package a file belongs to: the nearest package.json above it, not
// looking past a node_modules directory.
function packageScope(filename) {
  let dir = resolvePath(info.cwd, filename);
  while (dir !== '/') {
    dir = dirname(dir);
    if (StringPrototypeEndsWith(dir, '/node_modules')) return undefined;
    const record = readPackage(dir);
    if (record !== undefined) return record;
  }
  return undefined;
}

function packageDirWithSlash(record) {
  return record.dir === '/' ? '/' : record.dir + '/';
}

// A path as the path of a file: URL (what Node's pathToFileURL escapes of
// the characters that matter here): targets resolve against it as URLs.
function urlEscape(path) {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = StringPrototypeCharCodeAt(path, i);
    if (c === 37 /* '%' */) out += '%25';
    else if (c === 92 /* '\' */) out += '%5C';
    else if (c === 63 /* '?' */) out += '%3F';
    else if (c === 35 /* '#' */) out += '%23';
    else out += StringPrototypeSlice(path, i, i + 1);
  }
  return out;
}

// --- "exports" and "imports" ------------------------------------------------------
// A package's "exports" (and "imports") map subpaths to targets by the
// rules of Node's ES module resolver, with the conditions require matches.
// Resolution yields the target's path as a URL path, still escaped;
// targetFile() turns it into the file, which must exist.

// The conditions require() matches, as Node's (with addons enabled, the
// default: 'node-addons' is among them even though islet cannot load an
// addon, so that packages resolve to the file Node would pick).
const requireConditions = {
  __proto__: null, 'require': true, 'node': true, 'node-addons': true, 'default': true,
};

// What the resolution of one request knows, for its errors: the package
// record, the requiring file (for 'imported from', when there is one), and
// whether the map is "imports".
function mapContext(record, base, internal) {
  return { __proto__: null, record, base, internal };
}

function invalidPackageConfig(jsonPath, base, message) {
  return nodeError(NativeError, 'ERR_INVALID_PACKAGE_CONFIG',
                   `Invalid package config ${jsonPath}` +
                   `${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`);
}

function invalidTarget(ctx, key, target) {
  const shown = target !== null && typeof target === 'object'
      ? JSONStringify(target) : `${target}`;
  const wrongStart = !ctx.internal && shown.length > 0 && !StringPrototypeStartsWith(shown, './');
  const where = `the package config ${packageDirWithSlash(ctx.record)}package.json` +
                `${ctx.base ? ` imported from ${ctx.base}` : ''}` +
                `${wrongStart ? '; targets must start with "./"' : ''}`;
  const message = key === '.'
      ? `Invalid "exports" main target ${JSONStringify(shown)} defined in ${where}`
      : `Invalid "${ctx.internal ? 'imports' : 'exports'}" target ${JSONStringify(shown)} ` +
        `defined for '${key}' in ${where}`;
  return nodeError(NativeError, 'ERR_INVALID_PACKAGE_TARGET', message);
}

function invalidModuleSpecifier(request, reason, base) {
  return nodeError(NativeTypeError, 'ERR_INVALID_MODULE_SPECIFIER',
                   `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`);
}

function notExported(ctx, subpath) {
  const where = `${packageDirWithSlash(ctx.record)}package.json` +
                `${ctx.base ? ` imported from ${ctx.base}` : ''}`;
  return nodeError(NativeError, 'ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
      ? `No "exports" main defined in ${where}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${where}`);
}

function importNotDefined(name, record, base) {
  return nodeError(NativeTypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
                   `Package import specifier "${name}" is not defined` +
                   `${record ? ` in package ${packageDirWithSlash(record)}package.json` : ''}` +
                   ` imported from ${base}`);
}

// Node's ERR_MODULE_NOT_FOUND of the ES resolver; require turns it into
// its own MODULE_NOT_FOUND for the request.
function esmNotFound(message) {
  return nodeError(NativeError, 'ERR_MODULE_NOT_FOUND', message);
}

// Whether a target or a matched subpath has a segment it must not have:
// '.', '..' or 'node_modules', also percent-encoded, in any case. Segments
// end at '/' or '\'. (An empty segment is allowed; Node warns about it.)
function hasBadSegment(path) {
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    const c = i < path.length ? StringPrototypeCharCodeAt(path, i) : SLASH;
    if (c !== SLASH && c !== 92 /* '\' */) continue;
    let segment = StringPrototypeSlice(path, start, i);
    start = i + 1;
    if (StringPrototypeIncludes(segment, '%')) {
      try {
        segment = decodeURIComponent(segment);
      } catch {
        continue;  // not an escaped name of those
      }
    }
    segment = StringPrototypeToLowerCase(segment);
    if (segment === '.' || segment === '..' || segment === 'node_modules') return true;
  }
  return false;
}

// Whether a string parses as an absolute URL (a scheme and a colon).
function looksLikeURL(text) {
  const colon = StringPrototypeIndexOf(text, ':');
  if (colon < 1) return false;
  for (let i = 0; i < colon; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alpha && (i === 0 || !((c >= 48 && c <= 57) || c === 43 || c === 45 || c === DOT))) {
      return false;
    }
  }
  return true;
}

// Every '*' in `target` replaced by `value` (taken literally).
function substitute(target, value) {
  let out = '';
  let from = 0;
  for (;;) {
    const star = StringPrototypeIndexOf(target, '*', from);
    if (star === -1) return out + StringPrototypeSlice(target, from);
    out += StringPrototypeSlice(target, from, star) + value;
    from = star + 1;
  }
}

// Node's isArrayIndex, as its package-config check applies it.
function isArrayIndexKey(key) {
  const n = +key;
  return `${n}` === key && n >= 0 && n < 0xFFFFFFFF;
}

// The best pattern key of a map for `request`: the longest part before the
// '*', then the longer key. Returns [key, the part '*' matched] or undefined.
function matchPattern(map, request) {
  let best = '';
  let bestStar = -1;
  let matched;
  const keys = ObjectKeys(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const star = StringPrototypeIndexOf(key, '*');
    if (star === -1 || StringPrototypeLastIndexOf(key, '*') !== star) continue;
    if (!StringPrototypeStartsWith(request, StringPrototypeSlice(key, 0, star))) continue;
    const trailer = StringPrototypeSlice(key, star + 1);
    if (request.length < key.length || !StringPrototypeEndsWith(request, trailer)) continue;
    const better = best === '' || star > bestStar ||
                   (star === bestStar && key.length > best.length);
    if (!better) continue;
    best = key;
    bestStar = star;
    matched = StringPrototypeSlice(request, star, request.length - trailer.length);
  }
  return best === '' ? undefined : [best, matched];
}

// A target of an "exports"/"imports" entry. Returns the resolved path (a
// URL path, escaped), null for an excluded entry (a null target), or
// undefined when no condition applies.
function resolveTarget(ctx, target, subpath, key, isPattern) {
  if (typeof target === 'string') return resolveTargetString(ctx, target, subpath, key, isPattern);
  if (ArrayIsArray(target)) {
    // Fallbacks: the first that resolves; an invalid one is skipped, and
    // reported only if nothing after it resolves.
    if (target.length === 0) return null;
    let last;
    for (let i = 0; i < target.length; i++) {
      let result;
      try {
        result = resolveTarget(ctx, target[i], subpath, key, isPattern);
      } catch (err) {
        last = err;
        if (err !== null && typeof err === 'object' && err.code === 'ERR_INVALID_PACKAGE_TARGET') {
          continue;
        }
        throw err;
      }
      if (result === undefined) continue;
      if (result === null) {
        last = null;
        continue;
      }
      return result;
    }
    if (last === undefined || last === null) return last;
    throw last;
  }
  if (target !== null && typeof target === 'object') {
    // Conditions, in the order the package lists them.
    const keys = ObjectKeys(target);
    for (let i = 0; i < keys.length; i++) {
      if (isArrayIndexKey(keys[i])) {
        throw invalidPackageConfig(ctx.record.path, ctx.base,
                                   '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      if (requireConditions[keys[i]] !== true) continue;
      const result = resolveTarget(ctx, target[keys[i]], subpath, key, isPattern);
      if (result !== undefined) return result;
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(ctx, key, target);
}

function resolveTargetString(ctx, target, subpath, key, isPattern) {
  if (!StringPrototypeStartsWith(target, './')) {
    // An "imports" entry may name another package (not a path, not a URL).
    if (ctx.internal && !StringPrototypeStartsWith(target, '../') &&
        !StringPrototypeStartsWith(target, '/') && !looksLikeURL(target)) {
      const request = isPattern ? substitute(target, subpath) : target + subpath;
      return resolvePackageForImports(request, ctx);
    }
    throw invalidTarget(ctx, key, target);
  }
  if (hasBadSegment(StringPrototypeSlice(target, 2))) throw invalidTarget(ctx, key, target);
  const dir = urlEscape(packageDirWithSlash(ctx.record));
  const resolved = dir + StringPrototypeSlice(target, 2);
  if (subpath === '') return resolved;
  if (hasBadSegment(subpath)) {
    const request = isPattern ? substitute1(key, subpath) : key + subpath;
    throw invalidModuleSpecifier(
        request, `request is not a valid match in pattern "${key}" for the ` +
                 `"${ctx.internal ? 'imports' : 'exports'}" resolution of ${ctx.record.path}`,
        ctx.base);
  }
  if (isPattern) return dir + substitute(StringPrototypeSlice(target, 2), subpath);
  return resolved + subpath;
}

// The first '*' of a key replaced by `value`.
function substitute1(key, value) {
  const star = StringPrototypeIndexOf(key, '*');
  return StringPrototypeSlice(key, 0, star) + value + StringPrototypeSlice(key, star + 1);
}

// "exports" sugar: a string, an array or an object of conditions stands
// for the main entry ('.').
function exportsMainSugar(exports, ctx) {
  if (typeof exports === 'string' || ArrayIsArray(exports)) return true;
  if (exports === null || typeof exports !== 'object') return false;
  const keys = ObjectKeys(exports);
  let sugar = false;
  for (let i = 0; i < keys.length; i++) {
    const isCondition = keys[i] === '' || StringPrototypeCharCodeAt(keys[i], 0) !== DOT;
    if (i === 0) {
      sugar = isCondition;
    } else if (sugar !== isCondition) {
      throw invalidPackageConfig(
          ctx.record.path, ctx.base,
          '"exports" cannot contain some keys starting with \'.\' and some not. The exports ' +
          'object must either be an object of package subpath keys or an object of main entry ' +
          'condition name keys only.');
    }
  }
  return sugar;
}

// A subpath ('.' or './x') of a package through its "exports".
function resolveExports(ctx, subpath) {
  let exports = ctx.record.exports;
  if (exportsMainSugar(exports, ctx)) exports = { __proto__: null, '.': exports };
  if (!StringPrototypeIncludes(subpath, '*') && !StringPrototypeEndsWith(subpath, '/') &&
      ObjectHasOwn(exports, subpath)) {
    const result = resolveTarget(ctx, exports[subpath], '', subpath, false);
    if (result === null || result === undefined) throw notExported(ctx, subpath);
    return result;
  }
  const match = exports !== null && typeof exports === 'object'
      ? matchPattern(exports, subpath) : undefined;
  if (match !== undefined) {
    const result = resolveTarget(ctx, exports[match[0]], match[1], match[0], true);
    if (result === null || result === undefined) throw notExported(ctx, subpath);
    return result;
  }
  throw notExported(ctx, subpath);
}

// A '#name' through the "imports" of the package `ctx` is for.
function resolveImports(ctx, name) {
  if (name === '#' || StringPrototypeStartsWith(name, '#/') || StringPrototypeEndsWith(name, '/')) {
    throw invalidModuleSpecifier(name, 'is not a valid internal imports specifier name', ctx.base);
  }
  const imports = ctx.record.imports;
  if (imports) {
    if (ObjectHasOwn(imports, name) && !StringPrototypeIncludes(name, '*')) {
      const result = resolveTarget(ctx, imports[name], '', name, false);
      if (result !== null && result !== undefined) return result;
    } else if (typeof imports === 'object') {
      const match = matchPattern(imports, name);
      if (match !== undefined) {
        const result = resolveTarget(ctx, imports[match[0]], match[1], match[0], true);
        if (result !== null && result !== undefined) return result;
      }
    }
  }
  throw importNotDefined(name, ctx.record, ctx.base);
}

// A package name an "imports" target gives, resolved as Node's ES resolver
// does (no extension search; "exports", else "main" with its fixed list of
// candidates), from the directory of the package.json that maps it, which
// is what its errors name as the importer.
function resolvePackageForImports(specifier, ctx) {
  const base = ctx.record.path;
  if (nodeBuiltins[specifier] === true) {
    // Node resolves it to a 'node:' URL, which is no file.
    throw nodeError(NativeTypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  let nameEnd = StringPrototypeIndexOf(specifier, '/');
  let valid = specifier !== '';
  if (StringPrototypeStartsWith(specifier, '@')) {
    if (nameEnd === -1) valid = false;
    else nameEnd = StringPrototypeIndexOf(specifier, '/', nameEnd + 1);
  }
  const packageName = nameEnd === -1 ? specifier : StringPrototypeSlice(specifier, 0, nameEnd);
  if (StringPrototypeStartsWith(packageName, '.') || StringPrototypeIncludes(packageName, '\\') ||
      StringPrototypeIncludes(packageName, '%')) {
    valid = false;
  }
  if (!valid) throw invalidModuleSpecifier(specifier, 'is not a valid package name', base);
  const subpath = '.' + StringPrototypeSlice(specifier, packageName.length);
  // The mapping package itself, by its name.
  const scope = ctx.record;
  if (scope.exports !== null && scope.exports !== undefined && scope.name === packageName) {
    return resolveExports(mapContext(scope, base, false), subpath);
  }
  let dir = scope.dir;
  for (;;) {
    const packageDir = (dir === '/' ? '' : dir) + '/node_modules/' + packageName;
    if (kindOf(packageDir) === DIRECTORY) {
      const record = readPackageForImports(packageDir, specifier, base);
      if (record !== undefined && record.exports !== null && record.exports !== undefined) {
        return resolveExports(mapContext(record, base, false), subpath);
      }
      if (subpath === '.') return legacyMain(packageDir, record, base);
      return urlEscape(packageDir) + StringPrototypeSlice(subpath, 1);
    }
    if (dir === '/') break;
    dir = dirname(dir);
  }
  throw esmNotFound(`Cannot find package '${packageName}' imported from ${base}`);
}

function readPackageForImports(dir, specifier, base) {
  try {
    return readPackage(dir);
  } catch (err) {
    const record = packageCache.get(dir + '/package.json');
    if (record && record.parseError !== undefined) {
      throw invalidPackageConfig(dir + '/package.json', `"${specifier}" from ${base}`,
                                 record.parseError);
    }
    throw err;
  }
}

// The ES resolver's reading of "main" (no "exports"): the first file of a
// fixed list of candidates.
function legacyMain(dir, record, base) {
  const candidates = [];
  const main = record !== undefined ? record.main : undefined;
  if (main !== undefined) {
    const suffixes = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];
    for (let i = 0; i < suffixes.length; i++) {
      ArrayPrototypePush(candidates, urlEscape(dir) + '/' + main + suffixes[i]);
    }
  }
  ArrayPrototypePush(candidates, urlEscape(dir) + '/index.js', urlEscape(dir) + '/index.json',
                     urlEscape(dir) + '/index.node');
  for (let i = 0; i < candidates.length; i++) {
    if (kindOf(normalizeAbsolute(urlPathToPath(candidates[i]))) === FILE) return candidates[i];
  }
  throw esmNotFound(`Cannot find package '${dir}' imported from ${base}`);
}

// The file system path of a file: URL's path: '?' and '#' end it, '\' is
// '/', %XX escapes decode (a malformed one throws, as in Node).
function urlPathToPath(resolved) {
  let end = resolved.length;
  const query = StringPrototypeIndexOf(resolved, '?');
  const hash = StringPrototypeIndexOf(resolved, '#');
  if (query !== -1) end = query;
  if (hash !== -1 && hash < end) end = hash;
  const cut = StringPrototypeSlice(resolved, 0, end);
  let path = '';
  let from = 0;
  for (;;) {
    const backslash = StringPrototypeIndexOf(cut, '\\', from);
    if (backslash === -1) break;
    path += StringPrototypeSlice(cut, from, backslash) + '/';
    from = backslash + 1;
  }
  return decodeURIComponent(path + StringPrototypeSlice(cut, from));
}

// The file a resolved target (a file: URL's path) names: escaped
// separators are refused; the file must exist (not a directory); its real
// path is the answer.
function targetFile(resolved, ctx) {
  for (let i = 0; i + 2 < resolved.length; i++) {
    if (StringPrototypeCharCodeAt(resolved, i) !== 37 /* '%' */) continue;
    const escape = StringPrototypeToLowerCase(StringPrototypeSlice(resolved, i + 1, i + 3));
    if (escape === '2f' || escape === '5c') {
      throw invalidModuleSpecifier('file://' + resolved,
                                   'must not include encoded "/" or "\\" characters', ctx.base);
    }
  }
  const path = urlPathToPath(resolved);
  const normalized = normalizeAbsolute(path);
  if (kindOf(normalized) === FILE) return realPath(normalized);
  throw moduleNotFound(path, ctx.record.path);
}

// --- resolution ---------------------------------------------------------------------

// Islet's built-in modules (bootstrap's table), and Node 20's: a name Node
// has and islet lacks is a module islet does not have yet (MODULE_NOT_FOUND,
// and without 'node:' a package in node_modules may stand in for it), not an
// unknown built-in.
const builtinTable = internals.builtinNames;
function isIsletBuiltin(name) {
  return typeof name === 'string' && builtinTable[name] === true;
}
// 'events' or 'node:events', for a built-in islet has.
function isBuiltinRequest(request) {
  if (isIsletBuiltin(request)) return true;
  return typeof request === 'string' && StringPrototypeStartsWith(request, 'node:') &&
         isIsletBuiltin(StringPrototypeSlice(request, 5));
}
const nodeBuiltins = { __proto__: null };
const nodeBuiltinList = [
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
  '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
  '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap', 'assert',
  'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants',
  'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net',
  'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring',
  'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises',
  'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events',
  'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
];
for (let i = 0; i < nodeBuiltinList.length; i++) nodeBuiltins[nodeBuiltinList[i]] = true;
// Those Node knows only with the 'node:' prefix.
const nodeSchemeOnly = { __proto__: null, 'test': true, 'test/reporters': true, 'sea': true };

// Where a bare request is looked for besides node_modules up the tree:
// NODE_PATH, then $HOME/.node_modules, $HOME/.node_libraries and
// <prefix>/lib/node, as Node computes them (for islet, whose executable is
// /usr/bin/islet, the prefix is /usr). Computed when the worker starts.
let modulePaths = [];
function initPaths() {
  const home = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const paths = [resolvePath('/', '/usr/lib/node')];
  if (home) {
    ArrayPrototypeSplice(paths, 0, 0, resolvePath('/', home + '/.node_modules'),
                         resolvePath('/', home + '/.node_libraries'));
  }
  if (nodePath) {
    const extra = [];
    let start = 0;
    for (let i = 0; i <= nodePath.length; i++) {
      if (i < nodePath.length && StringPrototypeCharCodeAt(nodePath, i) !== 58 /* ':' */) continue;
      const entry = StringPrototypeSlice(nodePath, start, i);
      start = i + 1;
      if (entry !== '') ArrayPrototypePush(extra, resolvePath(info.cwd, entry));
    }
    for (let i = extra.length - 1; i >= 0; i--) ArrayPrototypeSplice(paths, 0, 0, extra[i]);
  }
  modulePaths = paths;
  Module.globalPaths = ArrayPrototypeSlice(modulePaths);
}

// Module._nodeModulePaths: <dir>/node_modules for the directory and each
// one above it, skipping directories themselves named node_modules.
function nodeModulePaths(from) {
  from = resolvePath(info.cwd, from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  let end = from.length;
  while (end > 0) {
    const slash = StringPrototypeLastIndexOf(from, '/', end - 1);
    if (StringPrototypeSlice(from, slash + 1, end) !== 'node_modules') {
      ArrayPrototypePush(paths, StringPrototypeSlice(from, 0, end) + '/node_modules');
    }
    end = slash;
  }
  ArrayPrototypePush(paths, '/node_modules');
  return paths;
}

// A request is relative when it is '.' or '..' or starts with './' or '../'.
function isRelativeRequest(request) {
  if (request.length === 0 || StringPrototypeCharCodeAt(request, 0) !== DOT) return false;
  if (request.length === 1) return true;
  const second = StringPrototypeCharCodeAt(request, 1);
  if (second === SLASH) return true;
  return second === DOT &&
         (request.length === 2 || StringPrototypeCharCodeAt(request, 2) === SLASH);
}

// Module._resolveLookupPaths: where `request` is looked for, for `parent`.
// Node's test for a path request is looser than isRelativeRequest: '.x'
// is a package name, but '..x' is a path.
function resolveLookupPaths(request, parent) {
  if (isBuiltinRequest(request)) return null;
  const first = request.length > 0 ? StringPrototypeCharCodeAt(request, 0) : 0;
  const second = request.length > 1 ? StringPrototypeCharCodeAt(request, 1) : 0;
  if (first !== DOT || (request.length > 1 && second !== DOT && second !== SLASH)) {
    let paths = modulePaths;
    if (parent && parent.paths && parent.paths.length) {
      paths = ArrayPrototypeSlice(parent.paths);
      for (let i = 0; i < modulePaths.length; i++) ArrayPrototypePush(paths, modulePaths[i]);
    }
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [dirname(parent.filename)];
}

// A file (not a directory) at `path`, as its real path; false otherwise.
function tryFile(path) {
  return kindOf(path) === FILE ? realPath(path) : false;
}
function tryExtensions(path, extensions) {
  for (let i = 0; i < extensions.length; i++) {
    const found = tryFile(path + extensions[i]);
    if (found) return found;
  }
  return false;
}

// A directory: its package.json "main" (a file, with an extension, or a
// directory's index), else its index. A "main" naming nothing falls back to
// the index with a deprecation warning, or fails if there is no index.
function tryPackage(dir, extensions, originalRequest) {
  const record = readPackage(dir);
  const main = record !== undefined ? record.main : undefined;
  if (!main) return tryExtensions(dir + '/index', extensions);
  const filename = resolvePath(dir, main);
  let found = tryFile(filename) || tryExtensions(filename, extensions) ||
              tryExtensions(resolvePath(filename, 'index'), extensions);
  if (found === false) {
    found = tryExtensions(dir + '/index', extensions);
    const jsonPath = dir + '/package.json';
    if (!found) {
      const err = new NativeError(`Cannot find module '${filename}'. ` +
                                  'Please verify that the package.json has a valid "main" entry');
      setOwn(err, 'code', 'MODULE_NOT_FOUND');
      setOwn(err, 'path', jsonPath);
      setOwn(err, 'requestPath', originalRequest);
      throw err;
    }
    process.emitWarning(`Invalid 'main' field in '${jsonPath}' of '${main}'. Please either ` +
                        'fix that or report it to the module author', 'DeprecationWarning',
                        'DEP0128');
  }
  return found;
}

// Whether `text` from `start` to `end` has no '\' or '%' (nor '/').
function plainNamePart(text, start, end) {
  for (let i = start; i < end; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    if (c === 92 /* '\' */ || c === 37 /* '%' */ || c === SLASH) return false;
  }
  return true;
}
// A package request's name: '@scope/name' or 'name' up to the next '/';
// undefined if it is no package name (Node: a name does not start with
// '.', and has no '\' or '%').
function packageNameOf(request) {
  const startsName = (i) => {
    if (i >= request.length) return false;
    const c = StringPrototypeCharCodeAt(request, i);
    return c !== DOT && c !== SLASH && c !== 92 /* '\' */ && c !== 37 /* '%' */;
  };
  const nameEnd = (from) => {
    const slash = StringPrototypeIndexOf(request, '/', from);
    return slash === -1 ? request.length : slash;
  };
  let name;
  if (request.length > 0 && StringPrototypeCharCodeAt(request, 0) === 64 /* '@' */) {
    const scopeEnd = StringPrototypeIndexOf(request, '/');
    if (scopeEnd > 1 && plainNamePart(request, 1, scopeEnd) && startsName(scopeEnd + 1)) {
      const end = nameEnd(scopeEnd + 1);
      if (plainNamePart(request, scopeEnd + 1, end)) name = StringPrototypeSlice(request, 0, end);
    }
  }
  if (name === undefined) {
    if (!startsName(0)) return undefined;
    const end = nameEnd(0);
    if (!plainNamePart(request, 0, end)) return undefined;
    name = StringPrototypeSlice(request, 0, end);
  }
  // What follows the name holds no line terminator (Node matches it with
  // a regular expression's '.').
  for (let i = name.length; i < request.length; i++) {
    const c = StringPrototypeCharCodeAt(request, i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return undefined;
  }
  return name;
}

// A bare request ('pkg' or 'pkg/sub', '@scope/pkg/sub') under one
// node_modules directory, through the package's "exports" if it has any.
// Undefined when the name is no package name or the package has no
// "exports".
function resolveNodeModulesExports(nodeModules, request) {
  const name = packageNameOf(request);
  if (name === undefined) return undefined;
  const record = readPackage(resolvePath(nodeModules, name));
  if (record === undefined || record.exports === null || record.exports === undefined) {
    return undefined;
  }
  const ctx = mapContext(record, undefined, false);
  return targetFile(resolveExports(ctx, '.' + StringPrototypeSlice(request, name.length)), ctx);
}

// Module._findPath: the file `request` names, looked for in each of
// `paths`; false if none has it.
function findPath(request, paths, isMain) {
  const absolute = isAbsolute(request);
  if (absolute) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  const cacheKey = request + '\x00' + ArrayPrototypeJoin(paths, '\x00');
  const cached = Module._pathCache[cacheKey];
  if (cached) return cached;

  // A trailing slash, or a last segment of '.' or '..', asks for a
  // directory.
  const last = request.length > 0 ? StringPrototypeCharCodeAt(request, request.length - 1) : 0;
  const lastSegment = basename(request);
  const wantsDirectory = last === SLASH ||
      (last === DOT && (lastSegment === '.' || lastSegment === '..'));
  // A relative request that climbs out of its directory also looks in
  // directories that do not exist.
  const mayLeave = isRelativeRequest(request) &&
      StringPrototypeStartsWith(normalizeRelative(request), '..');
  let extensions;
  for (let i = 0; i < paths.length; i++) {
    const dir = paths[i];
    if (!mayLeave && dir && kindOf(resolvePath(info.cwd, dir)) !== DIRECTORY) continue;
    if (!absolute) {
      const exported = resolveNodeModulesExports(resolvePath(info.cwd, dir), request);
      if (exported) return exported;
    }
    const base = resolvePath(dir === '' ? info.cwd : dir, request);
    let filename = false;
    const kind = kindOf(base);
    if (!wantsDirectory) {
      if (kind === FILE) filename = realPath(base);
      if (!filename) {
        if (extensions === undefined) extensions = ObjectKeys(Module._extensions);
        filename = tryExtensions(base, extensions);
      }
    }
    if (!filename && kind === DIRECTORY) {
      if (extensions === undefined) extensions = ObjectKeys(Module._extensions);
      filename = tryPackage(base, extensions, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
}

// The require stack of a failed resolution: the requiring module, its
// parent, and so on.
function requireStackOf(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = parentOf.get(cursor)) {
    ArrayPrototypePush(stack, cursor.filename || cursor.id);
  }
  return stack;
}
function notFoundWithStack(request, parent) {
  const stack = requireStackOf(parent);
  let message = `Cannot find module '${request}'`;
  if (stack.length > 0) message += '\nRequire stack:\n- ' + ArrayPrototypeJoin(stack, '\n- ');
  const err = new NativeError(message);
  setOwn(err, 'code', 'MODULE_NOT_FOUND');
  setOwn(err, 'requireStack', stack);
  return err;
}

// A package referring to itself by its name, through its own "exports".
function resolveSelf(parentPath, request) {
  if (!parentPath) return false;
  const scope = packageScope(parentPath);
  if (scope === undefined || scope.exports === null || scope.exports === undefined ||
      scope.name === undefined) {
    return false;
  }
  let subpath;
  if (request === scope.name) {
    subpath = '.';
  } else if (StringPrototypeStartsWith(request, scope.name + '/')) {
    subpath = '.' + StringPrototypeSlice(request, scope.name.length);
  } else {
    return false;
  }
  const ctx = mapContext(scope, parentPath, false);
  return targetFile(resolveExports(ctx, subpath), ctx);
}

// Module._resolveFilename: the file (or built-in name) `request` names for
// `parent`.
function resolveFilename(request, parent, isMain, options) {
  if (isBuiltinRequest(request)) return request;
  if (StringPrototypeStartsWith(request, 'node:')) {
    // A built-in islet does not have (yet), or none at all.
    throw notFoundWithStack(request, parent);
  }
  let paths;
  if (typeof options === 'object' && options !== null) {
    const optionPaths = options.paths;
    if (ArrayIsArray(optionPaths)) {
      if (StringPrototypeStartsWith(request, './') || StringPrototypeStartsWith(request, '../')) {
        paths = optionPaths;
      } else {
        // Each directory given counts as a module there would: its
        // node_modules up the tree, then the global paths.
        const lookup = new Module('', null);
        paths = [];
        for (let i = 0; i < optionPaths.length; i++) {
          lookup.paths = Module._nodeModulePaths(optionPaths[i]);
          const found = Module._resolveLookupPaths(request, lookup);
          for (let j = 0; j < found.length; j++) {
            if (!ArrayPrototypeIncludes(paths, found[j])) ArrayPrototypePush(paths, found[j]);
          }
        }
      }
    } else if (optionPaths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw invalidArgValue('options.paths', optionPaths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  // '#name' through the requiring package's "imports", when it has them.
  if (request.length > 0 && StringPrototypeCharCodeAt(request, 0) === 35 /* '#' */ &&
      parent && parent.filename) {
    const parentPath = parent.filename;
    const scope = packageScope(parentPath);
    if (scope !== undefined && scope.imports !== null && scope.imports !== undefined) {
      const ctx = mapContext(scope, parentPath, true);
      try {
        return targetFile(resolveImports(ctx, request), ctx);
      } catch (err) {
        if (err !== null && typeof err === 'object' && err.code === 'ERR_MODULE_NOT_FOUND') {
          throw moduleNotFound(request);
        }
        throw err;
      }
    }
  }

  const parentPath = parent ? parent.filename : undefined;
  const self = resolveSelf(parentPath, request);
  if (self) {
    const cacheKey = request + '\x00' +
        (paths.length === 1 ? paths[0] : ArrayPrototypeJoin(paths, '\x00'));
    Module._pathCache[cacheKey] = self;
    return self;
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  throw notFoundWithStack(request, parent);
}

// --- the Module class -------------------------------------------------------------

function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  setOwn(this, 'exports', {});
  parentOf.set(this, parent);
  addChild(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

function addChild(parent, child, unlessListed) {
  const children = parent ? parent.children : undefined;
  if (children && !(unlessListed && ArrayPrototypeIncludes(children, child))) {
    ArrayPrototypePush(children, child);
  }
}

// As Node's: the constructor is reached through a getter (console.log(module)
// then prints no class name), `parent` is a deprecated accessor.
ObjectDefineProperty(Module.prototype, 'constructor', {
  __proto__: null,
  get: function get() { return Module; },
  enumerable: false,
  configurable: false,
});
ObjectDefineProperty(Module.prototype, 'isPreloading', {
  __proto__: null,
  get: function get() { return false; },
  enumerable: false,
  configurable: false,
});
ObjectDefineProperty(Module.prototype, 'parent', {
  __proto__: null,
  get: function deprecated() { return parentOf.get(this); },
  set: function deprecated(value) { parentOf.set(this, value); },
  enumerable: false,
  configurable: false,
});

const moduleCache = { __proto__: null };
const relativeResolveCache = { __proto__: null };
Module._cache = moduleCache;
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];

// The extension whose handler loads `filename`: the longest registered one
// ('.b.c' before '.c' for 'a.b.c'), '.js' if none is.
function findExtension(filename) {
  const name = basename(filename);
  let from = 0;
  for (;;) {
    const dot = StringPrototypeIndexOf(name, '.', from);
    if (dot === -1) return '.js';
    from = dot + 1;
    if (dot === 0) continue;  // a dot file's name is no extension
    const extension = StringPrototypeSlice(name, dot);
    if (Module._extensions[extension]) return extension;
  }
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(dirname(filename));
  const extension = findExtension(filename);
  if (StringPrototypeEndsWith(filename, '.mjs') && !Module._extensions['.mjs']) {
    const parent = parentOf.get(this);
    throw requireEsmError(filename, true, parent ? parent.filename : null);
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') throw invalidArgValue('id', id, 'must be a non-empty string');
  // The operator's door for debugging islet (isletd --expose-internals):
  // off by default, and then this name is an unknown module like any other.
  if (id === 'islet:internal/binding' && info.exposeInternals === true) return binding;
  return Module._load(id, this, false);
};

// Module.wrap and Module.wrapper, as Node keeps them: a script that changes
// either gets its modules compiled from the wrapped text.
let wrapperPatched = false;
let wrap = function(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
let wrapper = new NativeProxy(
    ['(function (exports, require, module, __filename, __dirname) { ', '\n});'], {
      __proto__: null,
      set(target, property, value, receiver) {
        wrapperPatched = true;
        return ReflectSet(target, property, value, receiver);
      },
      defineProperty(target, property, descriptor) {
        wrapperPatched = true;
        return ReflectDefineProperty(target, property, descriptor);
      },
    });
ObjectDefineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) {
    wrapperPatched = true;
    wrap = value;
  },
  enumerable: false,
  configurable: false,
});
ObjectDefineProperty(Module, 'wrapper', {
  __proto__: null,
  get() { return wrapper; },
  set(value) {
    wrapperPatched = true;
    wrapper = value;
  },
  enumerable: false,
  configurable: false,
});

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];
function compileWrapper(content, filename) {
  if (wrapperPatched) return binding.runScript(Module.wrap(content), filename);
  return binding.compileFunction(stripShebang(content), filename, wrapperParams);
}

Module.prototype._compile = function(content, filename) {
  const compiled = compileWrapper(content, filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  this[kIsExecuting] = true;
  const result = ReflectApply(compiled, exports,
                              [exports, require, this, filename, dirname(filename)]);
  this[kIsExecuting] = false;
  return result;
};

Module._extensions['.js'] = function(module, filename) {
  const content = readSource(filename);
  if (StringPrototypeEndsWith(filename, '.js')) {
    const scope = packageScope(filename);
    if (scope !== undefined && scope.type === 'module') {
      // An ES module; islet does not load those yet, and this is what Node
      // 20 says when require() may not load one.
      const parent = parentOf.get(module);
      throw requireEsmError(filename, hasEsmSyntax(content, filename),
                            parent ? parent.filename : null, scope.path);
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

// A module's exports seen from a cycle, while it is still loading: a plain
// object gets a prototype that warns about reads of what it does not have
// (yet), as Node's does, until the module finishes.
const circularWarningPrototype = new NativeProxy({}, {
  __proto__: null,
  get(target, property, receiver) {
    if (property in target || property === '__esModule') {
      return ReflectGet(target, property, receiver);
    }
    warnCircular(property);
    return undefined;
  },
  getOwnPropertyDescriptor(target, property) {
    if (ObjectHasOwn(target, property) || property === '__esModule') {
      return ObjectGetOwnPropertyDescriptor(target, property);
    }
    warnCircular(property);
    return undefined;
  },
});
function warnCircular(property) {
  process.emitWarning(`Accessing non-existent property '${NativeString(property)}' of module ` +
                      'exports inside circular dependency');
}
function exportsForCycle(module) {
  const exports = module.exports;
  if (exports && !binding.types.isProxy(exports) &&
      ObjectGetPrototypeOf(exports) === ObjectPrototype && !exports.__esModule) {
    ObjectSetPrototypeOf(exports, circularWarningPrototype);
  }
  return exports;
}

Module._load = function(request, parent, isMain) {
  let relativeKey;
  if (parent) {
    // The same request from the same directory names the same file, as
    // long as that module is still in the cache.
    relativeKey = parent.path + '\x00' + request;
    const filename = relativeResolveCache[relativeKey];
    if (filename !== undefined) {
      const cached = Module._cache[filename];
      if (cached !== undefined) {
        addChild(parent, cached, true);
        return cached.loaded ? cached.exports : exportsForCycle(cached);
      }
      delete relativeResolveCache[relativeKey];
    }
  }

  if (StringPrototypeStartsWith(request, 'node:')) {
    const id = StringPrototypeSlice(request, 5);
    if (isIsletBuiltin(id)) return internals.loadBuiltin(id);
    if (nodeBuiltins[id] === true || nodeSchemeOnly[id] === true) {
      throw notFoundWithStack(request, parent);
    }
    throw nodeError(NativeError, 'ERR_UNKNOWN_BUILTIN_MODULE',
                    `No such built-in module: ${request}`);
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    addChild(parent, cached, true);
    return cached.loaded ? cached.exports : exportsForCycle(cached);
  }
  if (isIsletBuiltin(filename)) return internals.loadBuiltin(filename);

  const module = new Module(filename, parent);
  if (isMain) {
    setOwn(process, 'mainModule', module);
    setOwn(module.require, 'main', process.mainModule);
    module.id = '.';
    module[kIsMainSymbol] = true;
  } else {
    module[kIsMainSymbol] = false;
  }
  Module._cache[filename] = module;
  module[kIsCachedByESMLoader] = false;
  if (parent) relativeResolveCache[relativeKey] = filename;

  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent) {
        delete relativeResolveCache[relativeKey];
        const children = parent.children;
        if (ArrayIsArray(children)) {
          const index = ArrayPrototypeIndexOf(children, module);
          if (index !== -1) ArrayPrototypeSplice(children, index, 1);
        }
      }
    } else if (module.exports && !binding.types.isProxy(module.exports) &&
               ObjectGetPrototypeOf(module.exports) === circularWarningPrototype) {
      ObjectSetPrototypeOf(module.exports, ObjectPrototype);
    }
  }
  return module.exports;
};

Module._resolveFilename = resolveFilename;
Module._findPath = findPath;
Module._nodeModulePaths = nodeModulePaths;
Module._resolveLookupPaths = resolveLookupPaths;

// The require function a module gets.
function makeRequireFunction(module) {
  const require = function require(path) {
    return module.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, module, false, options);
  }
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, module);
  }
  setOwn(resolve, 'paths', paths);
  setOwn(require, 'resolve', resolve);
  setOwn(require, 'main', process.mainModule);
  setOwn(require, 'extensions', Module._extensions);
  setOwn(require, 'cache', Module._cache);
  return require;
}

// Module.createRequire(filename): a require for a file that need not exist,
// given as an absolute path, a file URL string or a URL object. A path
// ending in '/' stands for a directory.
function createRequire(filename) {
  let path;
  if (isURLObject(filename) || (typeof filename === 'string' && !isAbsolute(filename))) {
    path = fileURLToPath(filename);
    if (path === undefined) {
      throw invalidArgValue('filename', filename, 'must be a file URL object, file URL ' +
                            'string, or absolute path string');
    }
  } else if (typeof filename !== 'string') {
    throw invalidArgValue('filename', filename, 'must be a file URL object, file URL string, ' +
                          'or absolute path string');
  } else {
    path = filename;
  }
  const proxyPath = StringPrototypeEndsWith(path, '/') ? resolvePath(path, 'noop.js') : path;
  const module = new Module(proxyPath);
  module.filename = proxyPath;
  module.paths = Module._nodeModulePaths(module.path);
  return makeRequireFunction(module);
}
function isURLObject(value) {
  return value !== null && typeof value === 'object' && !!value.href && !!value.protocol &&
         value.auth === undefined && value.path === undefined;
}
// A URL path with its '.' and '..' segments (also escaped) resolved, and
// '\' read as '/', as the URL parser does for file: URLs.
function urlDotSegments(path) {
  const parts = [];
  let start = 1;
  let last = '';
  for (let i = 1; i <= path.length; i++) {
    const c = i < path.length ? StringPrototypeCharCodeAt(path, i) : SLASH;
    if (c !== SLASH && c !== 92 /* '\' */) continue;
    last = StringPrototypeToLowerCase(StringPrototypeSlice(path, start, i));
    start = i + 1;
    if (last === '..' || last === '.%2e' || last === '%2e.' || last === '%2e%2e') {
      if (parts.length > 0) parts.length--;
    } else if (last !== '.' && last !== '%2e') {
      ArrayPrototypePush(parts, StringPrototypeSlice(path, start - 1 - last.length, i));
    }
  }
  // A final '.' or '..' segment leaves a directory: the path ends in '/'.
  const dirLike = last === '.' || last === '%2e' || last === '..' || last === '.%2e' ||
                  last === '%2e.' || last === '%2e%2e';
  return '/' + ArrayPrototypeJoin(parts, '/') + (dirLike && parts.length > 0 ? '/' : '');
}

// The path of a file: URL (string or URL object), undefined if it is none.
function fileURLToPath(url) {
  let pathname;
  if (typeof url === 'string') {
    if (StringPrototypeToLowerCase(StringPrototypeSlice(url, 0, 5)) !== 'file:') return undefined;
    let rest = StringPrototypeSlice(url, 5);
    let end = rest.length;
    const query = StringPrototypeIndexOf(rest, '?');
    const hash = StringPrototypeIndexOf(rest, '#');
    if (query !== -1) end = query;
    if (hash !== -1 && hash < end) end = hash;
    rest = StringPrototypeSlice(rest, 0, end);
    if (StringPrototypeStartsWith(rest, '//')) {
      const slash = StringPrototypeIndexOf(rest, '/', 2);
      const host = StringPrototypeSlice(rest, 2, slash === -1 ? rest.length : slash);
      if (host !== '' && StringPrototypeToLowerCase(host) !== 'localhost') return undefined;
      rest = slash === -1 ? '/' : StringPrototypeSlice(rest, slash);
    }
    pathname = urlDotSegments(isAbsolute(rest) ? rest : '/' + rest);
  } else {
    if (url.protocol !== 'file:' || url.hostname !== '') return undefined;
    pathname = `${url.pathname}`;
  }
  for (let i = 0; i + 2 < pathname.length; i++) {
    if (StringPrototypeCharCodeAt(pathname, i) !== 37 /* '%' */) continue;
    const escape = StringPrototypeToLowerCase(StringPrototypeSlice(pathname, i + 1, i + 3));
    if (escape === '2f') return undefined;
  }
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

// The built-ins islet has, sorted, as Module.builtinModules lists them.
function builtinList() {
  const names = ObjectKeys(builtinTable);
  // Insertion sort: a short list, and no Array.prototype.sort to trust.
  for (let i = 1; i < names.length; i++) {
    const name = names[i];
    let j = i - 1;
    for (; j >= 0 && names[j] > name; j--) names[j + 1] = names[j];
    names[j + 1] = name;
  }
  return ObjectFreeze(names);
}

Module.createRequire = createRequire;
Module.isBuiltin = function isBuiltin(moduleName) {
  return isBuiltinRequest(moduleName);
};
Module.Module = Module;
Module.builtinModules = builtinList();
Module.runMain = function executeUserEntryPoint(main = process.argv[1]) {
  runEntry(main);
};

// --- entry points -----------------------------------------------------------------

// Runs `main` (an absolute path) as the main module, as `node main` would.
function runEntry(main) {
  const resolved = Module._findPath(resolvePath(info.cwd, main), null, true);
  if (resolved) {
    // Node would run an ES module entry with its ESM loader: islet cannot
    // yet, and says so as Node says it for require().
    let why;
    if (StringPrototypeEndsWith(resolved, '.mjs')) {
      why = 'it is an .mjs file';
    } else if (!StringPrototypeEndsWith(resolved, '.cjs')) {
      const scope = packageScope(resolved);
      if (scope !== undefined && scope.type === 'module') {
        why = `its nearest package.json, ${scope.path}, contains "type": "module"`;
      }
    }
    if (why !== undefined) {
      throw nodeError(NativeError, 'ERR_REQUIRE_ESM',
                      `require() of ES Module ${resolved} not supported.\nislet cannot run an ` +
                      `ES module as the entry point yet, and ${resolved} is one: ${why}.`);
    }
  }
  Module._load(main, null, true);
}

// The hook the native side calls to run a worker's code.
function runMain() {
  initPaths();
  if (info.isEval) {
    runEval();
    return;
  }
  runEntry(info.filename);
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
  module[kIsExecuting] = false;
  globalObject.module = module;
  globalObject.exports = module.exports;
  globalObject.__dirname = '.';
  globalObject.require = makeRequireFunction(module);
  globalObject.__filename = name;
  binding.runScript(info.evalCode, name);
}

// For worker_threads: the bundle file a Worker's file name (a bundle name)
// stands for, found as Node finds an entry point (the name, its extensions,
// a directory's package.json main or index); the name itself if nothing is
// there (the worker then fails as Node's does).
function resolveBundleFile(name) {
  if (isAbsolute(name)) return name;  // outside the bundle
  const found = findPath(bundlePath(name), null, true);
  const foundName = found ? bundleName(found) : undefined;
  return foundName === undefined ? name : foundName;
}

module.exports = { __proto__: null, Module, runMain, resolveBundleFile };
