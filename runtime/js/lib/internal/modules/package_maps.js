// package.json "exports" and "imports", and file: URLs: the part of
// CommonJS resolution Node defines in URL terms (its ES module resolver's
// rules), for the conditions the caller matches. internal/modules/cjs/loader loads this
// the first time a package has such a map or createRequire is given a URL,
// and hands it its view of the bundle (attach).
//
// A map is prepared once per package.json: its exact keys, and its pattern
// keys ('./lib/*') sorted from the most specific to the least, so that a
// lookup is one table read or the first pattern that matches. A target
// resolves to a URL path, still escaped; fileOf() turns that into the file,
// which must exist.
'use strict';

const {
  ArrayIsArray, ArrayPrototypePush, JSONStringify, ObjectHasOwn, ObjectKeys,
  StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeLastIndexOf, StringPrototypeSlice,
  StringPrototypeStartsWith, StringPrototypeToLowerCase, decodeURIComponent, encodeURIComponent,
} = primordials;
const { nodeError } = require('internal/errors');
const NativeError = Error;
const NativeTypeError = TypeError;

let files;  // internal/modules/cjs/loader's bundle view: kindOf, realPathOf, peekPackage, ...

// --- errors, as Node words them ------------------------------------------------------

function where(record, base) {
  return `${dirWithSlash(record)}package.json${base ? ` imported from ${base}` : ''}`;
}

// `importer` is what Node names there: the importing file's URL, or the
// request and the package.json that mapped it.
function invalidConfig(jsonPath, importer, message) {
  return nodeError(NativeError, 'ERR_INVALID_PACKAGE_CONFIG',
                   `Invalid package config ${jsonPath}` +
                   `${importer ? ` while importing ${importer}` : ''}. ${message}`);
}

function invalidTarget(ctx, key, target) {
  const shown = target !== null && typeof target === 'object' ? JSONStringify(target)
                                                               : `${target}`;
  const wrongStart = !ctx.internal && shown.length > 0 && !StringPrototypeStartsWith(shown, './');
  const place = `the package config ${where(ctx.record, ctx.base)}` +
                `${wrongStart ? '; targets must start with "./"' : ''}`;
  return nodeError(NativeError, 'ERR_INVALID_PACKAGE_TARGET', key === '.'
      ? `Invalid "exports" main target ${JSONStringify(shown)} defined in ${place}`
      : `Invalid "${ctx.internal ? 'imports' : 'exports'}" target ${JSONStringify(shown)} ` +
        `defined for '${key}' in ${place}`);
}

function invalidSpecifier(request, reason, base) {
  return nodeError(NativeTypeError, 'ERR_INVALID_MODULE_SPECIFIER',
                   `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`);
}

function notExported(record, subpath, base) {
  return nodeError(NativeError, 'ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
      ? `No "exports" main defined in ${where(record, base)}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${where(record, base)}`);
}

function importNotDefined(name, record, base) {
  return nodeError(NativeTypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
                   `Package import specifier "${name}" is not defined in package ` +
                   `${where(record, base)}`);
}

// The ES resolver's not-found; require() reports its own instead.
function esmNotFound(message) {
  return nodeError(NativeError, 'ERR_MODULE_NOT_FOUND', message);
}

// --- strings and URL paths ---------------------------------------------------------

function dirWithSlash(record) {
  return record.dir === '/' ? '/' : record.dir + '/';
}

// A path as a file: URL's path: '%', '\', '?' and '#' escaped (what
// matters of Node's pathToFileURL for the round trip through urlToPath).
function urlEscape(path) {
  if (!StringPrototypeIncludes(path, '%') && !StringPrototypeIncludes(path, '\\') &&
      !StringPrototypeIncludes(path, '?') && !StringPrototypeIncludes(path, '#')) {
    return path;
  }
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = StringPrototypeCharCodeAt(path, i);
    out += c === 37 ? '%25' : c === 92 ? '%5C' : c === 63 ? '%3F' : c === 35 ? '%23'
                                                                   : path[i];
  }
  return out;
}

// The file system path of a file: URL's path: '?' and '#' end it, '\' is
// '/', escapes decode (a malformed one throws, as in Node).
function urlToPath(url) {
  let end = StringPrototypeIndexOf(url, '?');
  const hash = StringPrototypeIndexOf(url, '#');
  if (end === -1 || (hash !== -1 && hash < end)) end = hash;
  let path = end === -1 ? url : StringPrototypeSlice(url, 0, end);
  for (let at = StringPrototypeIndexOf(path, '\\'); at !== -1;
       at = StringPrototypeIndexOf(path, '\\', at)) {
    path = StringPrototypeSlice(path, 0, at) + '/' + StringPrototypeSlice(path, at + 1);
  }
  return decodeURIComponent(path);
}

// The file: URL of a path, escaped as Node's url.pathToFileURL does it.
function fileURL(path) {
  if (path === undefined) return undefined;
  let out = 'file://';
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    const c = StringPrototypeCharCodeAt(path, i);
    if (c > 0x20 && c < 0x7F && !StringPrototypeIncludes(URL_ESCAPED, path[i])) continue;
    out += StringPrototypeSlice(path, from, i);
    if (c < 0x80) {
      out += '%' + HEX[c >> 4] + HEX[c & 15];
    } else {
      const pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < path.length;
      out += encodeURIComponent(StringPrototypeSlice(path, i, pair ? i + 2 : i + 1));
      if (pair) i++;
    }
    from = i + 1;
  }
  return out + StringPrototypeSlice(path, from);
}
const URL_ESCAPED = ' "#%<>?[\\]^`{|}~';
const HEX = '0123456789ABCDEF';

// Whether a target or a matched part has a '.', '..' or 'node_modules'
// segment, also escaped, in any case; segments end at '/' or '\'. (An empty
// one is allowed; Node warns about it.)
function hasBadSegment(path) {
  for (let from = 0; from <= path.length;) {
    let end = StringPrototypeIndexOf(path, '/', from);
    const backslash = StringPrototypeIndexOf(path, '\\', from);
    if (end === -1 || (backslash !== -1 && backslash < end)) end = backslash;
    if (end === -1) end = path.length;
    let segment = StringPrototypeSlice(path, from, end);
    from = end + 1;
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
  for (let i = 0; i < colon; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const other = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;  // 0-9 + - .
    if (!letter && (i === 0 || !other)) return false;
  }
  return colon > 0;
}

// Every '*' in `text` replaced by `value`.
function replaceStars(text, value) {
  let out = '';
  let from = 0;
  for (let star = StringPrototypeIndexOf(text, '*'); star !== -1;
       star = StringPrototypeIndexOf(text, '*', from)) {
    out += StringPrototypeSlice(text, from, star) + value;
    from = star + 1;
  }
  return out + StringPrototypeSlice(text, from);
}

// --- prepared maps ---------------------------------------------------------------------

// `table` has the exact keys as own properties; `patterns` lists
// [key, the part before '*', the part after] for keys with one '*', most
// specific first (a longer part before '*', then a longer key); `mixed`
// says "exports" mixes subpaths and conditions.
function prepare(value, isExports) {
  const map = { __proto__: null, table: { __proto__: null }, patterns: [], mixed: false };
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    // "exports" sugar: a string or an array is the main entry.
    if (isExports && (typeof value === 'string' || ArrayIsArray(value))) map.table['.'] = value;
    return map;
  }
  const keys = ObjectKeys(value);
  if (isExports && keys.length > 0) {
    const conditions = isCondition(keys[0]);
    for (let i = 1; i < keys.length; i++) {
      if (isCondition(keys[i]) !== conditions) map.mixed = true;
    }
    if (conditions && !map.mixed) {  // an object of conditions is the main entry
      map.table['.'] = value;
      return map;
    }
  }
  map.table = value;
  const patterns = map.patterns;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const star = StringPrototypeIndexOf(key, '*');
    if (star === -1 || StringPrototypeLastIndexOf(key, '*') !== star) continue;
    const entry = [key, StringPrototypeSlice(key, 0, star), StringPrototypeSlice(key, star + 1)];
    ArrayPrototypePush(patterns, entry);
    let at = patterns.length - 1;
    for (; at > 0 && moreSpecific(entry, patterns[at - 1]); at--) patterns[at] = patterns[at - 1];
    patterns[at] = entry;
  }
  return map;
}

function isCondition(key) {
  return key === '' || StringPrototypeCharCodeAt(key, 0) !== 46;  // not '.'
}

function moreSpecific(a, b) {
  return a[1].length > b[1].length || (a[1].length === b[1].length && a[0].length > b[0].length);
}

function mapsOf(record) {
  if (record.maps === undefined) {
    record.maps = { __proto__: null, exports: undefined, imports: undefined };
  }
  return record.maps;
}

// The entry of `map` for `request`: [key, the part '*' matched (undefined
// for an exact key)], or undefined.
function lookup(map, request, exact) {
  if (exact && ObjectHasOwn(map.table, request)) return [request, undefined];
  const patterns = map.patterns;
  for (let i = 0; i < patterns.length; i++) {
    const entry = patterns[i];
    if (request.length >= entry[0].length && StringPrototypeStartsWith(request, entry[1]) &&
        StringPrototypeEndsWith(request, entry[2])) {
      return [entry[0], StringPrototypeSlice(request, entry[1].length,
                                             request.length - entry[2].length)];
    }
  }
  return undefined;
}

// --- targets -----------------------------------------------------------------------------

// What one resolution knows, for its errors too: the package's record, the
// requiring file (named as 'imported from'), whether the map is "imports",
// and the conditions matched.
function context(record, base, internal, conditions) {
  return { __proto__: null, record, base, internal, conditions };
}

// A target of the entry `key`: the resolved URL path, null for an excluded
// entry, undefined when no condition applies. `star` is what '*' matched.
function resolveTarget(ctx, target, star, key) {
  if (typeof target === 'string') return stringTarget(ctx, target, star, key);
  if (ArrayIsArray(target)) {
    // Fallbacks: the first that resolves. An invalid one is skipped, and
    // reported only if nothing after it resolves.
    if (target.length === 0) return null;
    let last;
    for (let i = 0; i < target.length; i++) {
      let result;
      try {
        result = resolveTarget(ctx, target[i], star, key);
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
    // Conditions, in the package's order.
    const keys = ObjectKeys(target);
    for (let i = 0; i < keys.length; i++) {
      const n = +keys[i];
      if (`${n}` === keys[i] && n >= 0 && n < 0xFFFFFFFF) {
        throw invalidConfig(ctx.record.path, fileURL(ctx.base),
                            '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      if (ctx.conditions[keys[i]] !== true) continue;
      const result = resolveTarget(ctx, target[keys[i]], star, key);
      if (result !== undefined) return result;
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(ctx, key, target);
}

function stringTarget(ctx, target, star, key) {
  if (!StringPrototypeStartsWith(target, './')) {
    // An "imports" entry may name a package (not a path, not a URL).
    if (ctx.internal && !StringPrototypeStartsWith(target, '../') &&
        !StringPrototypeStartsWith(target, '/') && !looksLikeURL(target)) {
      return packageForImports(star === undefined ? target : replaceStars(target, star), ctx);
    }
    throw invalidTarget(ctx, key, target);
  }
  const rest = StringPrototypeSlice(target, 2);
  if (hasBadSegment(rest)) throw invalidTarget(ctx, key, target);
  const dir = urlEscape(dirWithSlash(ctx.record));
  if (star === undefined) return dir + rest;
  if (hasBadSegment(star)) {
    const at = StringPrototypeIndexOf(key, '*');
    const request = StringPrototypeSlice(key, 0, at) + star + StringPrototypeSlice(key, at + 1);
    throw invalidSpecifier(request, `request is not a valid match in pattern "${key}" for the ` +
                                    `"${ctx.internal ? 'imports' : 'exports'}" resolution of ` +
                                    `${ctx.record.path}`, ctx.base);
  }
  return dir + replaceStars(rest, star);
}

// A subpath ('.' or './x') of a package through its "exports": the URL path.
function exportsURL(record, subpath, base, conditions) {
  const maps = mapsOf(record);
  if (maps.exports === undefined) maps.exports = prepare(record.exports, true);
  const map = maps.exports;
  if (map.mixed) {
    throw invalidConfig(record.path, fileURL(base),
                        '"exports" cannot contain some keys starting with \'.\' and some not. ' +
                        'The exports object must either be an object of package subpath keys ' +
                        'or an object of main entry condition name keys only.');
  }
  const exact = !StringPrototypeIncludes(subpath, '*') && !StringPrototypeEndsWith(subpath, '/');
  const entry = lookup(map, subpath, exact);
  const resolved = entry === undefined ? undefined : resolveTarget(
      context(record, base, false, conditions), map.table[entry[0]], entry[1], entry[0]);
  if (resolved === null || resolved === undefined) throw notExported(record, subpath, base);
  return resolved;
}

// The file a resolved URL path names: escaped separators are refused; the
// file must exist (a directory will not do); its real path is the answer.
function fileOf(resolved, record, base) {
  for (let at = StringPrototypeIndexOf(resolved, '%'); at !== -1;
       at = StringPrototypeIndexOf(resolved, '%', at + 1)) {
    const escape = StringPrototypeToLowerCase(StringPrototypeSlice(resolved, at + 1, at + 3));
    if (escape === '2f' || escape === '5c') {
      throw invalidSpecifier('file://' + resolved,
                             'must not include encoded "/" or "\\" characters', base);
    }
  }
  const path = urlToPath(resolved);
  const normal = files.normalize(path);
  if (files.kindOf(normal) === files.FILE) return files.realPathOf(normal);
  throw files.moduleNotFound(path, record.path);
}

// --- package names in "imports" targets ------------------------------------------------

// A package an "imports" target names, resolved as Node's ES resolver does
// (no extension search; "exports", else "main" with its fixed list of
// candidates), from the directory of the package.json that maps it, which
// is what its errors name as the importer.
function packageForImports(specifier, ctx) {
  if (files.isNodeBuiltin(specifier)) {
    // Node resolves it to a 'node:' URL, which is no file.
    throw nodeError(NativeTypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  return packageURL(specifier, ctx.record.dir, ctx.record, ctx.record.path, ctx.conditions);
}

// A package name (and subpath) as Node's ES resolver finds it from the
// directory `from`, whose package is `own` (for a package naming itself):
// the URL path of its file. `base` is what errors name as the importer.
function packageURL(specifier, from, own, base, conditions) {
  let nameEnd = StringPrototypeIndexOf(specifier, '/');
  let valid = specifier !== '';
  if (StringPrototypeStartsWith(specifier, '@')) {
    if (nameEnd === -1) valid = false;
    else nameEnd = StringPrototypeIndexOf(specifier, '/', nameEnd + 1);
  }
  const name = nameEnd === -1 ? specifier : StringPrototypeSlice(specifier, 0, nameEnd);
  if (StringPrototypeStartsWith(name, '.') || StringPrototypeIncludes(name, '\\') ||
      StringPrototypeIncludes(name, '%')) {
    valid = false;
  }
  if (!valid) throw invalidSpecifier(specifier, 'is not a valid package name', base);
  const subpath = '.' + StringPrototypeSlice(specifier, name.length);
  if (own !== null && own !== undefined && own.exports !== null && own.exports !== undefined &&
      own.name === name) {
    return exportsURL(own, subpath, base, conditions);
  }
  for (let dir = from; ; dir = files.parentDir(dir)) {
    const packageDir = files.normalize((dir === '/' ? '' : dir) + '/node_modules/' + name);
    if (files.kindOf(packageDir) === files.DIRECTORY) {
      const record = files.peekPackage(packageDir);
      if (record !== null && record.parseError !== undefined) {
        throw invalidConfig(record.path, `"${specifier}" from ${base}`, record.parseError);
      }
      files.checked(record);
      if (record !== null && record.exports !== null && record.exports !== undefined) {
        return exportsURL(record, subpath, base, conditions);
      }
      if (subpath === '.') return legacyMain(packageDir, record, base);
      return urlEscape(packageDir) + StringPrototypeSlice(subpath, 1);
    }
    if (dir === '/') break;
  }
  throw esmNotFound(`Cannot find package '${name}' imported from ${base}`);
}

// The ES resolver's reading of "main" (no "exports"): the first file of a
// fixed list of candidates.
function legacyMain(dir, record, base) {
  const at = urlEscape(dir) + '/';
  const main = record !== null ? record.main : undefined;
  const candidates = main === undefined ? []
      : [main, main + '.js', main + '.json', main + '.node', main + '/index.js',
         main + '/index.json', main + '/index.node'];
  ArrayPrototypePush(candidates, 'index.js', 'index.json', 'index.node');
  for (let i = 0; i < candidates.length; i++) {
    if (files.kindOf(files.normalize(urlToPath(at + candidates[i]))) === files.FILE) {
      return at + candidates[i];
    }
  }
  // Node names the file "main" names, when there is one.
  const named = files.normalize(dir + '/' + (main === undefined ? 'index.js' : main));
  throw esmNotFound(`Cannot find package '${named}' imported from ${base}`);
}

// --- the API --------------------------------------------------------------------------

// The file a package's subpath ('.' or './x') names through its "exports";
// `base` is the requiring file when it is the package itself.
function exportsTarget(record, subpath, base, conditions) {
  return fileOf(exportsURL(record, subpath, base, conditions), record, base);
}

// The file '#name' names through the "imports" of the package `record`,
// for a file of that package, `base`.
function importsTarget(record, name, base, conditions) {
  return fileOf(importsURL(record, name, base, conditions), record, base);
}

// '#name' through the "imports" of `record` as a URL path (or, where the
// target names a package, that package's), not yet checked for a file.
function importsURL(record, name, base, conditions) {
  if (name === '#' || StringPrototypeStartsWith(name, '#/') || StringPrototypeEndsWith(name, '/')) {
    throw invalidSpecifier(name, 'is not a valid internal imports specifier name', base);
  }
  const maps = mapsOf(record);
  if (maps.imports === undefined) maps.imports = prepare(record.imports, false);
  const map = maps.imports;
  const entry = lookup(map, name, !StringPrototypeIncludes(name, '*'));
  if (entry !== undefined) {
    const resolved = resolveTarget(context(record, base, true, conditions), map.table[entry[0]],
                                   entry[1], entry[0]);
    if (resolved !== null && resolved !== undefined) return resolved;
  }
  throw importNotDefined(name, record, base);
}

// The path of a file: URL (a string or a URL object), undefined if it is
// none or has an encoded '/'.
function fileURLToPath(url) {
  let pathname;
  if (typeof url === 'string') {
    if (StringPrototypeToLowerCase(StringPrototypeSlice(url, 0, 5)) !== 'file:') return undefined;
    let rest = StringPrototypeSlice(url, 5);
    let end = StringPrototypeIndexOf(rest, '?');
    const hash = StringPrototypeIndexOf(rest, '#');
    if (end === -1 || (hash !== -1 && hash < end)) end = hash;
    if (end !== -1) rest = StringPrototypeSlice(rest, 0, end);
    if (StringPrototypeStartsWith(rest, '//')) {
      const slash = StringPrototypeIndexOf(rest, '/', 2);
      const host = StringPrototypeSlice(rest, 2, slash === -1 ? rest.length : slash);
      if (host !== '' && StringPrototypeToLowerCase(host) !== 'localhost') return undefined;
      rest = slash === -1 ? '/' : StringPrototypeSlice(rest, slash);
    }
    pathname = dotSegments(StringPrototypeStartsWith(rest, '/') ? rest : '/' + rest);
  } else {
    if (url.protocol !== 'file:' || url.hostname !== '') return undefined;
    pathname = `${url.pathname}`;
  }
  for (let at = StringPrototypeIndexOf(pathname, '%'); at !== -1;
       at = StringPrototypeIndexOf(pathname, '%', at + 1)) {
    if (StringPrototypeToLowerCase(StringPrototypeSlice(pathname, at + 1, at + 3)) === '2f') {
      return undefined;
    }
  }
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

// A URL path with its '.' and '..' segments (also escaped) resolved and
// '\' read as '/', as the URL parser does for file: URLs; a last '.' or '..'
// leaves a directory, whose path ends in '/'.
function dotSegments(path) {
  let out = '';
  let last = '';
  for (let from = 1; from <= path.length;) {
    let end = StringPrototypeIndexOf(path, '/', from);
    const backslash = StringPrototypeIndexOf(path, '\\', from);
    if (end === -1 || (backslash !== -1 && backslash < end)) end = backslash;
    if (end === -1) end = path.length;
    const segment = StringPrototypeSlice(path, from, end);
    from = end + 1;
    last = StringPrototypeToLowerCase(segment);
    if (last === '..' || last === '.%2e' || last === '%2e.' || last === '%2e%2e') {
      const cut = StringPrototypeLastIndexOf(out, '/');
      out = cut <= 0 ? '' : StringPrototypeSlice(out, 0, cut);
      last = '..';
    } else if (last === '.' || last === '%2e') {
      last = '.';
    } else {
      out += '/' + segment;
    }
  }
  const dirLike = (last === '.' || last === '..') && out !== '';
  return out === '' ? '/' : dirLike ? out + '/' : out;
}

module.exports = {
  __proto__: null,
  attach(view) {
    files = view;
    return {
      __proto__: null, exportsTarget, importsTarget, fileURLToPath,
      // For internal/modules/esm/loader: the URL paths, before a file is required of them.
      packageURL, importsURL, urlToPath, fileURL,
    };
  },
};
