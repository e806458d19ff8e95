// require('path'): Node's POSIX path functions, the same algorithms, so
// that edge cases (trailing slashes, '..' above the root, dot files) come
// out as in Node. path.win32 is not provided.
'use strict';

const { invalidArgType } = internals;
const SLASH = 47;  // '/'
const DOT = 46;    // '.'

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

// Resolves '.' and '..' segments; with allowAboveRoot, leading '..' stay.
function normalizeString(path, allowAboveRoot) {
  let res = '';
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let code = 0;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) {
      code = path.charCodeAt(i);
    } else if (code === SLASH) {
      break;
    } else {
      code = SLASH;
    }
    if (code === SLASH) {
      if (lastSlash === i - 1 || dots === 1) {
        // an empty or '.' segment
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 ||
            res.charCodeAt(res.length - 1) !== DOT || res.charCodeAt(res.length - 2) !== DOT) {
          if (res.length > 2) {
            const lastSlashIndex = res.lastIndexOf('/');
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf('/');
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? '/..' : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) {
          res += '/' + path.slice(lastSlash + 1, i);
        } else {
          res = path.slice(lastSlash + 1, i);
        }
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === DOT && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

// The last segment of `p` (from index `start`), trailing slashes aside:
// where it starts and ends, and where its extension's dot is. A leading dot
// ('.bashrc') and '..' are no extension.
function lastSegment(p, start) {
  let startDot = -1;
  let startPart = 0;
  let end = -1;
  let matchedSlash = true;
  // 0: no character seen before the last dot yet; 1: only dots; -1: others
  let preDotState = 0;
  for (let i = p.length - 1; i >= start; --i) {
    const code = p.charCodeAt(i);
    if (code === SLASH) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  const hasExt = !(startDot === -1 || end === -1 || preDotState === 0 ||
                   (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1));
  return { startDot, startPart, end, hasExt };
}

const path = {
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const p = i >= 0 ? args[i] : process.cwd();
      validateString(p, 'paths[' + i + ']');
      if (p.length === 0) continue;
      resolvedPath = p + '/' + resolvedPath;
      resolvedAbsolute = p.charCodeAt(0) === SLASH;
    }
    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute);
    if (resolvedAbsolute) return '/' + resolvedPath;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(p) {
    validateString(p, 'path');
    if (p.length === 0) return '.';
    const isAbsolute = p.charCodeAt(0) === SLASH;
    const trailingSeparator = p.charCodeAt(p.length - 1) === SLASH;
    p = normalizeString(p, !isAbsolute);
    if (p.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) p += '/';
    return isAbsolute ? '/' + p : p;
  },

  isAbsolute(p) {
    validateString(p, 'path');
    return p.length > 0 && p.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : joined + '/' + arg;
    }
    if (joined === undefined) return '.';
    return path.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = path.resolve(from);
    to = path.resolve(to);
    if (from === to) return '';
    const fromStart = 1;
    const fromEnd = from.length;
    const fromLen = fromEnd - fromStart;
    const toStart = 1;
    const toLen = to.length - toStart;
    // The longest common path from the root.
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === SLASH) lastCommonSep = i;
    }
    if (i === length) {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === SLASH) {
          return to.slice(toStart + i + 1);  // `from` is the exact base of `to`
        }
        if (i === 0) return to.slice(toStart + i);  // `from` is the root
      } else if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === SLASH) {
          lastCommonSep = i;  // `to` is the exact base of `from`
        } else if (i === 0) {
          lastCommonSep = 0;  // `to` is the root
        }
      }
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === SLASH) out += out.length === 0 ? '..' : '/..';
    }
    return out + to.slice(toStart + lastCommonSep);
  },

  toNamespacedPath(p) {
    return p;
  },

  dirname(p) {
    validateString(p, 'path');
    if (p.length === 0) return '.';
    const hasRoot = p.charCodeAt(0) === SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = p.length - 1; i >= 1; --i) {
      if (p.charCodeAt(i) === SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return p.slice(0, end);
  },

  basename(p, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(p, 'path');
    let start = 0;
    let end = -1;
    let matchedSlash = true;
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= p.length) {
      if (suffix === p) return '';
      let extIdx = suffix.length - 1;
      let firstNonSlashEnd = -1;
      for (let i = p.length - 1; i >= 0; --i) {
        const code = p.charCodeAt(i);
        if (code === SLASH) {
          if (!matchedSlash) {
            start = i + 1;
            break;
          }
        } else {
          if (firstNonSlashEnd === -1) {
            matchedSlash = false;
            firstNonSlashEnd = i + 1;
          }
          if (extIdx >= 0) {
            if (code === suffix.charCodeAt(extIdx)) {
              if (--extIdx === -1) end = i;  // the whole suffix matched
            } else {
              extIdx = -1;
              end = firstNonSlashEnd;
            }
          }
        }
      }
      if (start === end) end = firstNonSlashEnd;
      else if (end === -1) end = p.length;
      return p.slice(start, end);
    }
    for (let i = p.length - 1; i >= 0; --i) {
      if (p.charCodeAt(i) === SLASH) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
    }
    if (end === -1) return '';
    return p.slice(start, end);
  },

  extname(p) {
    validateString(p, 'path');
    const { startDot, end, hasExt } = lastSegment(p, 0);
    return hasExt ? p.slice(startDot, end) : '';
  },

  format(pathObject) {
    if (pathObject === null || typeof pathObject !== 'object') {
      throw invalidArgType('pathObject', 'of type object', pathObject);
    }
    const dir = pathObject.dir || pathObject.root;
    const ext = pathObject.ext ? (pathObject.ext[0] === '.' ? '' : '.') + pathObject.ext : '';
    const base = pathObject.base || (pathObject.name || '') + ext;
    if (!dir) return base;
    return dir === pathObject.root ? dir + base : dir + '/' + base;
  },

  parse(p) {
    validateString(p, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (p.length === 0) return ret;
    const isAbsolute = p.charCodeAt(0) === SLASH;
    let start;
    if (isAbsolute) {
      ret.root = '/';
      start = 1;
    } else {
      start = 0;
    }
    const { startDot, startPart, end, hasExt } = lastSegment(p, start);
    if (end !== -1) {
      const from = startPart === 0 && isAbsolute ? 1 : startPart;
      if (hasExt) {
        ret.name = p.slice(from, startDot);
        ret.base = p.slice(from, end);
        ret.ext = p.slice(startDot, end);
      } else {
        ret.base = ret.name = p.slice(from, end);
      }
    }
    if (startPart > 0) ret.dir = p.slice(0, startPart - 1);
    else if (isAbsolute) ret.dir = '/';
    return ret;
  },

  sep: '/',
  delimiter: ':',
};
path.posix = path;
path._makeLong = path.toNamespacedPath;

module.exports = path;
