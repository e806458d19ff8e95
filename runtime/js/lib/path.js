// require('path'): Node 20's path module, both flavours. `path.posix` is the
// module itself (islet runs on Linux); `path.win32` spells Windows paths:
// drive letters, UNC shares, device namespaces, either slash.
//
// Design. Every function sees a path string as
//
//     <anchor> <component> <sep> <component> ... <component> <trailing seps>
//
// The anchor is what comes before the first component: nothing, a root
// separator, a drive ('C:', 'C:\'), a share ('\\server\share\'). A flavour
// (the `posix` and `win32` descriptions below) knows how to read it, in two
// ways:
//
//   rootLength(path)  the anchor as written, which parse() and dirname()
//                     report;
//   anchor(path)      what the anchor *means* to normalize(), join() and
//                     resolve(): a canonical device ('C:', '\\server\share'),
//                     whether the path is absolute, where components start.
//
// Everything else is shared: components are split on separators and folded
// ('.' dropped, '..' cancelling the component before it) into a list, and a
// result is rendered as device + root separator + components + trailing
// separator. Node's observable behaviour is the specification, including
// its odd corners; each one reproduced on purpose is marked "Node quirk".
//
// Built-ins are reached only through `primordials`, so a script that patches
// String.prototype or Array.prototype cannot change a result. Arrays are
// walked by index, never iterated or spread.
//
// The working directory is the worker's (what process.cwd() returns);
// win32.resolve() also consults the worker's environment for a drive's
// directory, as Node does.
'use strict';
const processBinding = internalBinding('process');

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  FunctionPrototypeBind,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
} = primordials;
const { invalidArgType } = require('internal/errors');
const { info } = require('internal/process');

const SLASH = 47;       // '/'
const BACKSLASH = 92;   // '\'
const COLON = 58;       // ':'
const DOT = 46;         // '.'
const QUESTION = 63;    // '?'

function requireString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

// The UTF-16 code unit at i; NaN past either end, which matches nothing.
const codeAt = (s, i) => StringPrototypeCharCodeAt(s, i);
const lastCode = (s) => StringPrototypeCharCodeAt(s, s.length - 1);
const lower = (s) => StringPrototypeToLowerCase(s);

const isSlash = (c) => c === SLASH;
const isEitherSlash = (c) => c === SLASH || c === BACKSLASH;
const isAsciiLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

// --- components --------------------------------------------------------------

// First index at or after i that is not a separator / is a separator.
function skipSeparators(isSep, s, i) {
  while (i < s.length && isSep(codeAt(s, i))) i++;
  return i;
}
function skipName(isSep, s, i) {
  while (i < s.length && !isSep(codeAt(s, i))) i++;
  return i;
}

// The non-empty components of s from index `from`, in order.
function components(isSep, s, from) {
  const list = [];
  let i = skipSeparators(isSep, s, from);
  while (i < s.length) {
    const end = skipName(isSep, s, i);
    ArrayPrototypePush(list, StringPrototypeSlice(s, i, end));
    i = skipSeparators(isSep, s, end);
  }
  return list;
}

// Folds '.' and '..' out of a component list. A '..' cancels the component
// before it; with nothing left to cancel it vanishes at the root of an
// absolute path and is kept (leading the list) in a relative one.
function fold(list, absolute) {
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const name = list[i];
    if (name === '.') continue;
    if (name === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.length--;
        continue;
      }
      if (absolute) continue;
    }
    ArrayPrototypePush(out, name);
  }
  return out;
}

// The last component of s at or after `from`, trailing separators left out:
// { start, end }, or null when there is none.
function lastComponent(isSep, s, from) {
  let end = s.length;
  while (end > from && isSep(codeAt(s, end - 1))) end--;
  if (end === from) return null;
  let start = end;
  while (start > from && !isSep(codeAt(s, start - 1))) start--;
  return { start, end };
}

// A base name's extension runs from its last dot, unless that dot opens the
// name ('.bashrc', '.') or the name is '..'.
function extensionOf(base) {
  const dot = StringPrototypeLastIndexOf(base, '.');
  if (dot < 1 || base === '..') return '';
  return StringPrototypeSlice(base, dot);
}

// --- the POSIX flavour -------------------------------------------------------

const posix = {
  __proto__: null,
  sep: '/',
  delimiter: ':',
  isSep: isSlash,
  // The root is a single '/', however many slashes open the path.
  rootLength: (path) => (codeAt(path, 0) === SLASH ? 1 : 0),
  // Where basename() and extname() start looking.
  nameStart: () => 0,
  anchor(path) {
    const absolute = codeAt(path, 0) === SLASH;
    return { device: '', absolute, end: absolute ? 1 : 0, reserved: false };
  },
  // resolve() is done at the first absolute path; there are no devices.
  hasDevices: false,
  cwdFor: () => info.cwd,
  // Node quirk: dirname('//a') is '//' (though parse('//a').dir is '/').
  doubleSlashDirname: true,
  // Node quirk: parse() gives a '..' directly under a one-slash root the
  // extension '.' (parse('/..') has name '.', ext '.'; extname says '').
  rootDotDotHasExtension: true,
};

// --- the Windows flavour -----------------------------------------------------

// Drive-letter device: 'C:' opening the path.
const hasDrive = (path) => isAsciiLetter(codeAt(path, 0)) && codeAt(path, 1) === COLON;

// A UNC anchor, '\\server\share' with either slash: two separators, a server
// name, separators, a share name. Returns the offsets, or null when the path
// does not have that shape (then its root is just the first separator).
function readUnc(path) {
  if (!isEitherSlash(codeAt(path, 0)) || !isEitherSlash(codeAt(path, 1))) return null;
  const serverEnd = skipName(isEitherSlash, path, 2);
  if (serverEnd === 2 || serverEnd === path.length) return null;
  const shareStart = skipSeparators(isEitherSlash, path, serverEnd);
  const shareEnd = skipName(isEitherSlash, path, shareStart);
  if (shareEnd === shareStart) return null;
  return { serverEnd, shareStart, shareEnd };
}

// Device names Windows reserves in every directory. 'CON:' opening a path
// names the console, not a relative file; normalize() anchors such a path
// on the name and marks it explicitly relative ('.\CON:...').
const RESERVED = [
  'con', 'prn', 'aux', 'nul',
  'com1', 'com2', 'com3', 'com4', 'com5', 'com6', 'com7', 'com8', 'com9',
  'com\u00b9', 'com\u00b2', 'com\u00b3',
  'lpt1', 'lpt2', 'lpt3', 'lpt4', 'lpt5', 'lpt6', 'lpt7', 'lpt8', 'lpt9',
  'lpt\u00b9', 'lpt\u00b2', 'lpt\u00b3',
];
// Whether the path opens with a reserved device name: the text before its
// first ':' is one, case aside. Node quirk: a path without a colon has its
// last character taken for the colon, so 'auxa', 'aux.' and 'con\' count.
function opensWithReservedName(path) {
  const colon = StringPrototypeIndexOf(path, ':');
  const name = lower(StringPrototypeSlice(path, 0, colon === -1 ? path.length - 1 : colon));
  for (let i = 0; i < RESERVED.length; i++) {
    if (RESERVED[i] === name) return true;
  }
  return false;
}

// A relative normal form that Windows would read differently: one opening
// with a drive ('a:b' after 'x\..\' was removed), or a path with a
// component ending in ':' (a device or stream name). normalize() prefixes
// such results with '.\'. One-character paths are left alone.
function misreadable(path, normal) {
  if (path.length < 2) return false;
  if (hasDrive(normal)) return true;
  for (let i = StringPrototypeIndexOf(path, ':'); i !== -1;
       i = StringPrototypeIndexOf(path, ':', i + 1)) {
    if (i === path.length - 1 || isEitherSlash(codeAt(path, i + 1))) return true;
  }
  return false;
}

// An optional hook to the environment: Node remembers a per-drive working
// directory in the variable '=C:' (Windows keeps it; on Linux it is
// normally unset).
function getenv(name) {
  return processBinding.envGet(name);
}

const win32 = {
  __proto__: null,
  sep: '\\',
  delimiter: ';',
  isSep: isEitherSlash,
  // The anchor as written: a UNC share with one separator after it, a drive
  // with its separator if any, or one separator.
  rootLength(path) {
    if (path.length === 0) return 0;
    if (isEitherSlash(codeAt(path, 0))) {
      const unc = readUnc(path);
      if (unc === null) return 1;
      return unc.shareEnd < path.length ? unc.shareEnd + 1 : unc.shareEnd;
    }
    if (hasDrive(path)) return isEitherSlash(codeAt(path, 2)) ? 3 : 2;
    return 0;
  },
  // basename() and extname() skip a drive, and only a drive.
  nameStart: (path) => (path.length >= 2 && hasDrive(path) ? 2 : 0),
  // The anchor's meaning. `forNormalize` admits reserved device names.
  anchor(path, forNormalize) {
    if (isEitherSlash(codeAt(path, 0))) {
      const unc = readUnc(path);
      if (unc === null) return { device: '', absolute: true, end: 1, reserved: false };
      const server = StringPrototypeSlice(path, 2, unc.serverEnd);
      if (server === '?' || server === '.') {
        // '\\?\...' and '\\.\...' are device namespaces, not shares: the
        // anchor is the prefix, and what follows it is an ordinary path.
        return { device: '\\\\' + server, absolute: true, end: unc.shareStart, reserved: false };
      }
      const share = StringPrototypeSlice(path, unc.shareStart, unc.shareEnd);
      return { device: `\\\\${server}\\${share}`, absolute: true, end: unc.shareEnd,
               reserved: false };
    }
    if (hasDrive(path)) {
      const absolute = isEitherSlash(codeAt(path, 2));
      return { device: StringPrototypeSlice(path, 0, 2), absolute, end: absolute ? 3 : 2,
               reserved: false };
    }
    if (forNormalize && opensWithReservedName(path)) {
      // 'CON:' is the anchor, relative; without a colon there is none.
      const end = StringPrototypeIndexOf(path, ':') + 1;
      return { device: StringPrototypeSlice(path, 0, end), absolute: false, end, reserved: true };
    }
    return { device: '', absolute: false, end: 0, reserved: false };
  },
  // resolve() goes on past an absolute path until it also has a device.
  hasDevices: true,
  // The directory a relative path on `device` is resolved against: the
  // drive's remembered directory, else the process's, unless the one
  // remembered is plainly on another drive ('D:\...' for 'C:'), when it is
  // the drive's root. With a POSIX working directory ('/tmp') this makes
  // 'C:a' resolve to 'C:\tmp\a'.
  cwdFor(device) {
    if (device === '') return info.cwd;
    const remembered = getenv('=' + device);
    const dir = remembered || info.cwd;
    if (lower(StringPrototypeSlice(dir, 0, 2)) !== lower(device) &&
        codeAt(dir, 2) === BACKSLASH) {
      return device + '\\';
    }
    return dir;
  },
  doubleSlashDirname: false,
  rootDotDotHasExtension: false,
};

// --- the functions, over a flavour -------------------------------------------

// anchor + folded components + trailing separator, as normalize() spells it:
// an empty relative path is '.', and a trailing separator survives.
function render(flavour, anchor, path) {
  const list = fold(components(flavour.isSep, path, anchor.end), anchor.absolute);
  let tail = ArrayPrototypeJoin(list, flavour.sep);
  if (tail === '' && !anchor.absolute) tail = '.';
  if (tail !== '' && flavour.isSep(lastCode(path))) tail += flavour.sep;
  return anchor.device + (anchor.absolute ? flavour.sep : '') + tail;
}

function normalizeWith(flavour, path) {
  if (path.length === 0) return '.';
  if (flavour === posix) return render(flavour, flavour.anchor(path), path);
  // A one-character path is its own normal form, spelled with '\'.
  if (path.length === 1) return isEitherSlash(codeAt(path, 0)) ? '\\' : path;
  const anchor = flavour.anchor(path, true);
  const result = render(flavour, anchor, path);
  if (anchor.reserved) return '.\\' + result;
  if (anchor.device === '' && !anchor.absolute && misreadable(path, result)) return '.\\' + result;
  return result;
}

// Joins the non-empty arguments with the separator and normalizes.
function joinWith(flavour, args) {
  let joined = '';
  let first = '';
  for (let i = 0; i < args.length; i++) {
    const part = args[i];
    requireString(part, 'path');
    if (part.length === 0) continue;
    if (joined === '') {
      joined = part;
      first = part;
    } else {
      joined += flavour.sep + part;
    }
  }
  if (joined === '') return '.';
  if (flavour === win32 && isEitherSlash(codeAt(joined, 0))) {
    // Joining must not invent a UNC share: separators can open the joined
    // path in a run ('\' + '\server' + 'share'), and only a first part that
    // was already '\\server...' keeps two of them. Otherwise the run is one.
    const unc = first.length > 2 && isEitherSlash(codeAt(first, 1)) &&
                !isEitherSlash(codeAt(first, 2));
    if (!unc) {
      joined = '\\' + StringPrototypeSlice(joined, skipSeparators(isEitherSlash, joined, 0));
    }
  }
  return normalizeWith(flavour, joined);
}

// Right to left, each path is put in front of what was gathered, until the
// result is absolute (and, on Windows, has a device); then the working
// directory completes it. On Windows a path on another device than the one
// gathered so far is passed over.
function resolveWith(flavour, args) {
  let device = '';
  let absolute = false;
  let tail = '';
  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      requireString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else {
      path = flavour.cwdFor(device);
    }
    const anchor = flavour.anchor(path, false);
    if (anchor.device !== '') {
      if (device === '') device = anchor.device;
      else if (lower(anchor.device) !== lower(device)) continue;
    }
    if (!absolute) {
      tail = StringPrototypeSlice(path, anchor.end) + flavour.sep + tail;
      absolute = anchor.absolute;
    }
    if (absolute && (device !== '' || !flavour.hasDevices)) break;
  }
  const list = fold(components(flavour.isSep, tail, 0), absolute);
  const rest = ArrayPrototypeJoin(list, flavour.sep);
  if (absolute) return device + flavour.sep + rest;
  return (device + rest) || '.';
}

// The way from one resolved path to another: up to their last common
// component, then down.
function relativePosix(from, to) {
  requireString(from, 'from');
  requireString(to, 'to');
  if (from === to) return '';
  const source = resolveWith(posix, [from]);
  const target = resolveWith(posix, [to]);
  if (source === target) return '';
  const up = components(isSlash, source, 1);
  const down = components(isSlash, target, 1);
  let common = 0;
  while (common < up.length && common < down.length && up[common] === down[common]) common++;
  const steps = [];
  for (let i = common; i < up.length; i++) ArrayPrototypePush(steps, '..');
  for (let i = common; i < down.length; i++) ArrayPrototypePush(steps, down[i]);
  return ArrayPrototypeJoin(steps, '/');
}

// On Windows the resolved paths are compared without regard to case, and
// Node compares them as strings, character by character, rather than as
// components; its answers show it. Both ways are reproduced: by characters
// in general, and by components when lowering the case changes a path's
// length ('\u0130', capital I with a dot above, becomes two characters),
// which is how Node answers then.
function relativeWin32(from, to) {
  requireString(from, 'from');
  requireString(to, 'to');
  if (from === to) return '';
  const source = resolveWith(win32, [from]);
  const target = resolveWith(win32, [to]);
  const folded = lower(source);
  const foldedTarget = lower(target);
  if (folded === foldedTarget) return '';
  if (folded.length !== source.length || foldedTarget.length !== target.length) {
    return relativeByComponents(source, target);
  }
  return relativeByCharacters(folded, foldedTarget, target);
}

// Splits at every backslash, after dropping trailing ones; leading empty
// names (of '\\server') are kept and compared like any other.
function backslashNames(path) {
  let end = path.length;
  while (end > 0 && codeAt(path, end - 1) === BACKSLASH) end--;
  const names = [];
  let start = 0;
  for (let i = 0; i <= end; i++) {
    if (i === end || codeAt(path, i) === BACKSLASH) {
      ArrayPrototypePush(names, StringPrototypeSlice(path, start, i));
      start = i + 1;
    }
  }
  return names;
}

function relativeByComponents(source, target) {
  const up = backslashNames(source);
  const down = backslashNames(target);
  let common = 0;
  while (common < up.length && common < down.length &&
         lower(up[common]) === lower(down[common])) {
    common++;
  }
  if (common === 0) return target;
  const steps = [];
  for (let i = common; i < up.length; i++) ArrayPrototypePush(steps, '..');
  for (let i = common; i < down.length; i++) ArrayPrototypePush(steps, down[i]);
  return ArrayPrototypeJoin(steps, '\\');
}

// The character comparison. Leading backslashes and (but for one character)
// trailing ones are set aside; `a` and `b` are what remains of the
// lower-cased source and target, `b` at [bStart, bEnd) of the target. The
// common prefix settles where the shared part ends (`cut`, an offset into
// `a`); the answer climbs out of a's names after the cut and descends by
// the target's text from the cut. The Node quirks this keeps:
//   - paths sharing no whole leading name ('\a', '\b'; 'C:\x', 'D:\y')
//     give the target unchanged;
//   - a two-character `a` or `b` (a drive 'c:', or a name 'ab') is taken as
//     a complete anchor even when the other path merely continues it:
//     '\ab' -> '\abc' is 'c', '\abc' -> '\ab' is '';
//   - with nothing in common but no divergence either, the climb is joined
//     to the target without a separator ('C:' -> 'C:\' is '..C:').
function relativeByCharacters(source, target, targetOriginal) {
  const aStart = leadingBackslashes(source);
  const a = StringPrototypeSlice(source, aStart, trimmedEnd(source, aStart));
  const bStart = leadingBackslashes(target);
  const bEnd = trimmedEnd(target, bStart);
  const b = StringPrototypeSlice(target, bStart, bEnd);
  const shorter = a.length < b.length ? a.length : b.length;
  let same = 0;
  let lastSep = -1;
  while (same < shorter && codeAt(a, same) === codeAt(b, same)) {
    if (codeAt(a, same) === BACKSLASH) lastSep = same;
    same++;
  }
  let cut;
  if (same < shorter) {
    // The paths part ways.
    if (lastSep === -1) return targetOriginal;
    cut = lastSep;
  } else if (b.length > same) {
    // The target continues the source: the rest of it is the answer,
    // trailing backslash included (Node quirk: '\server' -> '\\server\share\'
    // is 'share\').
    if (codeAt(b, same) === BACKSLASH) {
      return StringPrototypeSlice(targetOriginal, bStart + same + 1);
    }
    if (same === 2) return StringPrototypeSlice(targetOriginal, bStart + 2);
    cut = lastSep === -1 ? 0 : lastSep;
  } else if (a.length > same) {
    // The source continues the target.
    if (codeAt(a, same) === BACKSLASH) cut = same;
    else if (same === 2) cut = 3;
    else cut = lastSep === -1 ? 0 : lastSep;
  } else {
    cut = lastSep === -1 ? 0 : lastSep;
  }
  // One '..' per name of `a` after the cut.
  let climb = '';
  if (cut < a.length) {
    climb = '..';
    for (let i = cut + 1; i < a.length; i++) {
      if (codeAt(a, i) === BACKSLASH) climb += '\\..';
    }
  }
  const rest = StringPrototypeSlice(targetOriginal, bStart + cut, bEnd);
  if (climb !== '') return climb + rest;
  return codeAt(rest, 0) === BACKSLASH ? StringPrototypeSlice(rest, 1) : rest;
}

function leadingBackslashes(s) {
  let i = 0;
  while (i < s.length && codeAt(s, i) === BACKSLASH) i++;
  return i;
}
function trimmedEnd(s, start) {
  let end = s.length;
  while (end - 1 > start && codeAt(s, end - 1) === BACKSLASH) end--;
  return end;
}

function dirnameWith(flavour, path) {
  if (path.length === 0) return '.';
  const rootEnd = flavour.rootLength(path);
  const root = StringPrototypeSlice(path, 0, rootEnd);
  const last = lastComponent(flavour.isSep, path, rootEnd);
  // The directory of a root, or of a component right after it, is the root.
  if (last === null || last.start === rootEnd) return rootEnd > 0 ? root : '.';
  // Otherwise it ends at the separator just before the last component (so
  // 'a//b' has the directory 'a/').
  const end = last.start - 1;
  if (end === 1 && rootEnd === 1 && flavour.doubleSlashDirname) return '//';
  return StringPrototypeSlice(path, 0, end);
}

// The last component. With a suffix Node compares the suffix, from its end,
// against that component only (trailing separators are not compared):
//   it differs somewhere        -> the component;
//   it matches, shorter         -> the component without it;
//   it matches, same length     -> the component;
//   the component runs out first (it is the suffix's end, or is empty)
//                               -> Node quirk: the component *with* its
//                                  trailing separators ('a/' for 'a/', 'ba').
// A suffix equal to the whole path gives ''; one longer than the path, or
// empty, is ignored.
function basenameWith(flavour, path, suffix) {
  if (suffix !== undefined) requireString(suffix, 'suffix');
  requireString(path, 'path');
  const from = flavour.nameStart(path);
  const last = lastComponent(flavour.isSep, path, from);
  const base = last === null ? '' : StringPrototypeSlice(path, last.start, last.end);
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) return base;
  if (suffix === path) return '';
  let matched = 0;
  while (matched < base.length && matched < suffix.length) {
    if (codeAt(base, base.length - 1 - matched) !== codeAt(suffix, suffix.length - 1 - matched)) {
      return base;
    }
    matched++;
  }
  if (matched === suffix.length) {
    return base.length > matched ? StringPrototypeSlice(base, 0, base.length - matched) : base;
  }
  return StringPrototypeSlice(path, last === null ? from : last.start);
}

function extnameWith(flavour, path) {
  const last = lastComponent(flavour.isSep, path, flavour.nameStart(path));
  return last === null ? '' : extensionOf(StringPrototypeSlice(path, last.start, last.end));
}

function parseWith(flavour, path) {
  const parsed = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return parsed;
  const rootEnd = flavour.rootLength(path);
  const root = StringPrototypeSlice(path, 0, rootEnd);
  parsed.root = root;
  const last = lastComponent(flavour.isSep, path, rootEnd);
  if (last === null) {
    parsed.dir = root;
    return parsed;
  }
  const base = StringPrototypeSlice(path, last.start, last.end);
  let ext = extensionOf(base);
  if (base === '..' && last.start === 1 && flavour.rootDotDotHasExtension) ext = '.';
  // Unlike dirname(), the directory is the root whenever the separator
  // before the last component belongs to the root's run.
  parsed.dir = last.start - 1 > rootEnd ? StringPrototypeSlice(path, 0, last.start - 1) : root;
  parsed.base = base;
  parsed.ext = ext;
  parsed.name = StringPrototypeSlice(base, 0, base.length - ext.length);
  return parsed;
}

// Node's format is one function bound to a separator, and its name shows
// it ('bound _format'). Properties are read in Node's order: dir, root,
// base, name, ext, then root again for the comparison.
function _format(sep, pathObject) {
  if (pathObject === null || typeof pathObject !== 'object' || ArrayIsArray(pathObject)) {
    throw invalidArgType('pathObject', 'of type object', pathObject);
  }
  const dir = pathObject.dir || pathObject.root;
  let base = pathObject.base;
  if (!base) {
    const name = pathObject.name || '';
    const ext = pathObject.ext;
    // An extension is given its dot when its first element lacks one.
    base = ext ? `${name}${ext[0] === '.' ? '' : '.'}${ext}` : `${name}`;
  }
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// --- the module objects --------------------------------------------------------

function toNamespacedPathWin32(path) {
  // Anything but a non-empty string comes back as it was.
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolveWith(win32, [path]);
  if (resolved.length <= 2) return path;
  if (codeAt(resolved, 0) === BACKSLASH && codeAt(resolved, 1) === BACKSLASH) {
    // A share gets the long UNC form; a device namespace is left alone.
    const c = codeAt(resolved, 2);
    if (c === QUESTION || c === DOT) return resolved;
    return '\\\\?\\UNC\\' + StringPrototypeSlice(resolved, 2);
  }
  if (hasDrive(resolved) && codeAt(resolved, 2) === BACKSLASH) return '\\\\?\\' + resolved;
  return resolved;
}

function build(flavour, relate, namespaced) {
  return {
    resolve(...args) { return resolveWith(flavour, args); },
    normalize(path) {
      requireString(path, 'path');
      return normalizeWith(flavour, path);
    },
    isAbsolute(path) {
      requireString(path, 'path');
      if (path.length === 0) return false;
      if (flavour.isSep(codeAt(path, 0))) return true;
      return flavour === win32 && hasDrive(path) && isEitherSlash(codeAt(path, 2));
    },
    join(...args) { return joinWith(flavour, args); },
    relative(from, to) { return relate(from, to); },
    toNamespacedPath(path) { return namespaced(path); },
    dirname(path) {
      requireString(path, 'path');
      return dirnameWith(flavour, path);
    },
    basename(path, suffix) { return basenameWith(flavour, path, suffix); },
    extname(path) {
      requireString(path, 'path');
      return extnameWith(flavour, path);
    },
    format: FunctionPrototypeBind(_format, null, flavour.sep),
    parse(path) {
      requireString(path, 'path');
      return parseWith(flavour, path);
    },
    sep: flavour.sep,
    delimiter: flavour.delimiter,
    win32: null,
    posix: null,
    _makeLong: null,
  };
}

// On POSIX there is nothing to do: any value comes back unchanged.
const posixPath = build(posix, relativePosix, (path) => path);
const win32Path = build(win32, relativeWin32, toNamespacedPathWin32);
posixPath._makeLong = posixPath.toNamespacedPath;
win32Path._makeLong = win32Path.toNamespacedPath;

posixPath.win32 = win32Path.win32 = win32Path;
posixPath.posix = win32Path.posix = posixPath;

module.exports = posixPath;
