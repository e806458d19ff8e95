// node:url's legacy API as Node 20 has it: url.parse, url.format,
// url.resolve, url.resolveObject and the Url class. Written for islet from
// Node's observed behaviour (every property of the results, their order, the
// errors and the warning), not from Node's sources. node:url merges these
// exports with its WHATWG ones (internal/url).
'use strict';
const {
  ArrayIsArray,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  MathFloor,
  ObjectDefineProperty,
  ObjectKeys,
  ReflectApply,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  Uint8Array: NativeUint8Array,
  decodeURIComponent: nativeDecodeURIComponent,
} = primordials;
const { describeReceived, nodeError } = require('internal/errors');
const querystring = require('querystring');

// Protocols (lowercase, with and without the colon) ...
// ... that never have a host: 'javascript:x//y' is all path.
const kHostless = { __proto__: null, 'javascript': true, 'javascript:': true };
// ... whose path is left exactly as written (no escaping of spaces etc.).
const kUnescaped = kHostless;
// ... that have '//' and a host, written or not ('http:x' formats as
// 'http://x'), and an absolute path.
const kSlashed = {
  __proto__: null,
  'http': true, 'http:': true, 'https': true, 'https:': true, 'ftp': true, 'ftp:': true,
  'gopher': true, 'gopher:': true, 'file': true, 'file:': true,
  'ws': true, 'ws:': true, 'wss': true, 'wss:': true,
};

// Character classes, by code unit below 128.
const HOST_END = 1;     // ends the authority: / ? #
const NOT_HOST = 2;     // ends a host name; what follows is path
const ESCAPED = 4;      // percent-encoded in path, search and hash
const SKIPPED = 8;      // dropped from the authority: tab, LF, CR
const kClass = new NativeUint8Array(128);
{
  const mark = (chars, bit) => {
    for (let i = 0; i < chars.length; i++) kClass[StringPrototypeCharCodeAt(chars, i)] |= bit;
  };
  mark('/?#', HOST_END);
  mark(' "%\';<>\\^`{|}', NOT_HOST);
  mark(' "\'<>\\^`{|}\t\n\r', ESCAPED);
  mark('\t\n\r', SKIPPED);
}
// What a host name may not contain once it is ASCII.
const kForbiddenHost = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const kProtocol = /^[a-z0-9.+-]+:/i;
const kPort = /:[0-9]*$/;
// '//user@host' is a host even when slashes do not denote one.
const kAuthLike = /^\/\/[^@/]+@[^@/]+/;

const { percentEncode, kPercent } = require('internal/percent_encode');

// Characters an auth keeps as they are in url.format: A-Z a-z 0-9
// - _ . ! ~ * ' ( ) and ':'.
const kAuthKeep = new NativeUint8Array(128);
{
  const keep = "-_.!~*'():";
  for (let c = 0x30; c <= 0x39; c++) kAuthKeep[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) kAuthKeep[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) kAuthKeep[c] = 1;
  for (let i = 0; i < keep.length; i++) kAuthKeep[StringPrototypeCharCodeAt(keep, i)] = 1;
}

// An auth as url.format writes it: UTF-8 percent-encoded but for
// kAuthKeep (querystring.escape's rules, and its ERR_INVALID_URI for a lone
// surrogate at the end).
const encodeAuth = (str) => percentEncode(str, kAuthKeep);

// `text` with every occurrence of the character `from` replaced by `to`.
function replaceChar(text, from, to) {
  let at = StringPrototypeIndexOf(text, from);
  if (at === -1) return text;
  let out = '';
  let start = 0;
  while (at !== -1) {
    out += StringPrototypeSlice(text, start, at) + to;
    start = at + 1;
    at = StringPrototypeIndexOf(text, from, start);
  }
  return out + StringPrototypeSlice(text, start);
}

// Leading and trailing characters that url.parse ignores: C0 controls,
// space, U+00A0 and U+FEFF.
const isTrimmed = (c) => c <= 0x20 || c === 0xa0 || c === 0xfeff;
// JavaScript's \s.
function isSpace(c) {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
         c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// DEP0170, once a process, for a host whose ':' is not a port's.
let warnedInvalidPort = false;
function warnInvalidPort(url) {
  if (warnedInvalidPort) return;
  warnedInvalidPort = true;
  process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
                      'DeprecationWarning', 'DEP0170');
}

// Node's ERR_INVALID_ARG_TYPE, its toString 'TypeError [ERR_INVALID_ARG_TYPE]: ...'.
function invalidArgType(name, expected, actual) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                   `The "${name}" argument must be ${expected}. Received ${describeReceived(actual)}`);
}

function invalidUrl(url) {
  const err = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  ObjectDefineProperty(err, 'input', {
    __proto__: null, value: url, writable: true, enumerable: true, configurable: true,
  });
  return err;
}

// --- host names to ASCII ------------------------------------------------------
//
// Node hands a host name to its native IDNA (ada's UTS #46 with the WHATWG
// URL Standard's settings: Nontransitional, no STD3 rules, no hyphen or DNS
// length checks). Here the mapping and most checks are tr46's; what ada
// does its own way is done below: an 'xn--' label is kept as written once
// its decoded form is valid (a decoded form all ASCII included, and a
// delimiter in first place skipped), a joiner after a virama ends the
// label's checks, and the Bidi rule is applied label by label.
let tr46;
let regexes;
let bidi;
const kIdnaOptions = {
  __proto__: null,
  checkBidi: false,
  checkHyphens: false,
  checkJoiners: false,
  useSTD3ASCIIRules: false,
  verifyDNSLength: false,
  transitionalProcessing: false,
  ignoreInvalidPunycode: false,
};
// What UTS #46 maps to a full stop.
const kLabelSeparators = /[.\u3002\uff0e\uff61]/;
const kNonASCII = /[^\0-\x7f]/;
const kUpperASCII = /[A-Z]/;

function loadIdna() {
  tr46 = require('internal/deps/tr46/index');
  regexes = require('internal/deps/tr46/lib/regexes');
  // bidiS3 is /[R AL EN AN][NSM]*$/u: its second class is the marks.
  const s3 = regexes.bidiS3.source;
  const marks = StringPrototypeSlice(s3, StringPrototypeLastIndexOf(s3, '['), s3.length - 2);
  bidi = {
    __proto__: null,
    trailingMarks: new RegExp(`${marks}+$`, 'u'),
    startsWithL: new RegExp(`^${regexes.bidiS1LTR.source}`, 'u'),
  };
}

// RFC 3492 decoding of what follows 'xn--' (ASCII), or null.
function decodePunycode(input) {
  const output = [];
  const delimiter = StringPrototypeLastIndexOf(input, '-');
  let at = 0;
  if (delimiter !== -1) {
    for (let i = 0; i < delimiter; i++) ArrayPrototypePush(output, StringPrototypeCharCodeAt(input, i));
    at = delimiter + 1;
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  while (at < input.length) {
    const oldi = i;
    let w = 1;
    for (let k = 36; ; k += 36) {
      if (at >= input.length) return null;
      const c = StringPrototypeCharCodeAt(input, at++);
      let digit;
      if (c >= 0x30 && c <= 0x39) digit = c - 22;
      else if (c >= 0x41 && c <= 0x5a) digit = c - 0x41;
      else if (c >= 0x61 && c <= 0x7a) digit = c - 0x61;
      else return null;
      if (digit > MathFloor((0x7fffffff - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias);
      if (digit < t) break;
      if (w > MathFloor(0x7fffffff / (36 - t))) return null;
      w *= 36 - t;
    }
    const count = output.length + 1;
    // bias adaptation
    let delta = oldi === 0 ? MathFloor((i - oldi) / 700) : MathFloor((i - oldi) / 2);
    delta += MathFloor(delta / count);
    let k = 0;
    while (delta > 455) {
      delta = MathFloor(delta / 35);
      k += 36;
    }
    bias = k + MathFloor((36 * delta) / (delta + 38));
    if (MathFloor(i / count) > 0x7fffffff - n) return null;
    n += MathFloor(i / count);
    i %= count;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    ArrayPrototypeSplice(output, i, 0, n);
    i++;
  }
  let text = '';
  for (let j = 0; j < output.length; j++) text += StringFromCodePoint(output[j]);
  return text;
}

// The joiner rule (ContextJ) as ada applies it: a joiner right after a
// virama makes the label valid then and there; 'invalid', 'valid' (no
// further checks) or 'continue'.
function joinersOf(label) {
  const points = [];
  for (let i = 0; i < label.length; i++) {
    const code = StringPrototypeCodePointAt(label, i);
    if (code > 0xffff) {
      ArrayPrototypePush(points, StringPrototypeSlice(label, i, i + 2));
      i++;
    } else {
      ArrayPrototypePush(points, StringPrototypeSlice(label, i, i + 1));
    }
  }
  let segmentStart = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    if (point !== '\u200c' && point !== '\u200d') continue;
    if (i > 0 && RegExpPrototypeExec(regexes.combiningClassVirama, points[i - 1]) !== null) return 'valid';
    if (point === '\u200d' || i === 0) return 'invalid';
    const next = ArrayPrototypeIndexOf(points, '\u200c', i + 1);
    const segment = ArrayPrototypeJoin(ArrayPrototypeSlice(points, segmentStart, next < 0 ? points.length : next), '');
    if (RegExpPrototypeExec(regexes.validZWNJ, segment) === null) return 'invalid';
    segmentStart = i + 1;
  }
  return 'continue';
}

// The Bidi rule as ada applies it: only to a label with an R, AL or AN
// character; a label that starts with L may have none of R, AL or AN
// before its last character (trailing non-spacing marks not counted); any
// other label is right-to-left: no L, ending (before trailing marks) in R,
// AL, EN or AN, and not both EN and AN.
function bidiLabelOk(label) {
  if (label === '' || RegExpPrototypeExec(regexes.bidiDomain, label) === null) return true;
  if (RegExpPrototypeExec(bidi.startsWithL, label) !== null) {
    const body = RegExpPrototypeSymbolReplace(bidi.trailingMarks, label, '');
    const last = StringPrototypeCodePointAt(body, body.length - 1);
    const lastLength = last !== undefined && last > 0xffff ? 2 : 1;
    return RegExpPrototypeExec(regexes.bidiS5, StringPrototypeSlice(body, 0, body.length - lastLength)) !== null;
  }
  return RegExpPrototypeExec(regexes.bidiS2, label) !== null &&
         RegExpPrototypeExec(regexes.bidiS3, label) !== null &&
         (RegExpPrototypeExec(regexes.bidiS4EN, label) === null ||
          RegExpPrototypeExec(regexes.bidiS4AN, label) === null);
}

// ada's own checks of a label in Unicode (after tr46's).
function unicodeLabelOk(label) {
  const joiners = joinersOf(label);
  if (joiners !== 'continue') return joiners === 'valid';
  return bidiLabelOk(label);
}

// An 'xn--' label: valid when its decoded form is (all ASCII is).
function punycodeLabelOk(label) {
  const decoded = decodePunycode(StringPrototypeSlice(label, 4));
  if (decoded === null || decoded === '') return false;
  if (RegExpPrototypeExec(kNonASCII, decoded) === null) return true;
  if (StringPrototypeIndexOf(decoded, '.') !== -1) return false;
  const unicode = tr46.toUnicode(decoded, kIdnaOptions);
  return !unicode.error && unicode.domain === decoded && unicodeLabelOk(decoded);
}

// A host name's ASCII form as url.parse makes it, '' when it is not a
// valid domain. The native side Node hands it to reads a C string: a NUL
// ends it.
function hostToASCII(hostname) {
  const nul = StringPrototypeIndexOf(hostname, '\0');
  if (nul !== -1) hostname = StringPrototypeSlice(hostname, 0, nul);
  if (hostname === '') return '';
  if (tr46 === undefined) loadIdna();
  const labels = RegExpPrototypeSymbolSplit(kLabelSeparators, hostname);
  let out = '';
  for (let i = 0; i < labels.length; i++) {
    let label = labels[i];
    if (RegExpPrototypeExec(kNonASCII, label) === null) {
      // ASCII: lowercase, and checked only when it is punycode
      if (RegExpPrototypeExec(kUpperASCII, label) !== null) label = StringPrototypeToLowerCase(label);
      if (StringPrototypeStartsWith(label, 'xn--') && !punycodeLabelOk(label)) return '';
    } else {
      const ascii = tr46.toASCII(label, kIdnaOptions);
      if (ascii === null) return '';
      const parts = StringPrototypeSplit(tr46.toUnicode(label, kIdnaOptions).domain, '.');
      for (let j = 0; j < parts.length; j++) {
        if (!unicodeLabelOk(parts[j])) return '';
      }
      label = ascii;
    }
    out += i === 0 ? label : '.' + label;
  }
  return out;
}

// --- Url ----------------------------------------------------------------------

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// The path-only form ('/a/b?c', '//a?b'), taken as it is: a '/' (or two,
// not three) then no whitespace (and no '@' before the search), the first
// '?' starting the search.
// Returns the index of that '?' (or the length), or -1 when `text` is not
// of that form.
function simplePathEnd(text) {
  const len = text.length;
  if (len === 0 || StringPrototypeCharCodeAt(text, 0) !== 0x2f) return -1;
  let i = 1;
  if (i < len && StringPrototypeCharCodeAt(text, i) === 0x2f) {
    i++;
    if (i < len && StringPrototypeCharCodeAt(text, i) === 0x2f) return -1;
  }
  let query = -1;
  for (; i < len; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    if (isSpace(c)) return -1;
    if (query === -1) {
      if (c === 0x3f /* ? */) query = i;
      else if (c === 0x40 /* @ */) return -1;
    }
  }
  return query === -1 ? len : query;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw invalidArgType('url', 'of type string', url);

  let start = 0;
  let end = url.length;
  while (start < end && isTrimmed(StringPrototypeCharCodeAt(url, start))) start++;
  while (end > start && isTrimmed(StringPrototypeCharCodeAt(url, end - 1))) end--;

  // Backslashes before the search or hash are slashes.
  let rest = '';
  let from = start;
  let hasHash = false;
  for (let i = start; i < end; i++) {
    const c = StringPrototypeCharCodeAt(url, i);
    if (c === 0x5c /* \ */) {
      rest += StringPrototypeSlice(url, from, i) + '/';
      from = i + 1;
    } else if (c === 0x23 /* # */) {
      hasHash = true;
      break;
    } else if (c === 0x3f /* ? */) {
      break;
    }
  }
  rest += StringPrototypeSlice(url, from, end);
  if (!hasHash) hasHash = StringPrototypeIndexOf(rest, '#') !== -1;

  if (!slashesDenoteHost && !hasHash) {
    const queryAt = simplePathEnd(rest);
    if (queryAt !== -1) {
      this.path = rest;
      this.href = rest;
      this.pathname = StringPrototypeSlice(rest, 0, queryAt);
      if (queryAt < rest.length) {
        this.search = StringPrototypeSlice(rest, queryAt);
        const text = StringPrototypeSlice(rest, queryAt + 1);
        this.query = parseQueryString ? querystring.parse(text) : text;
      } else if (parseQueryString) {
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let protocol;  // as written, with its colon
  let lowerProtocol;
  const protocolMatch = RegExpPrototypeExec(kProtocol, rest);
  if (protocolMatch !== null) {
    protocol = protocolMatch[0];
    lowerProtocol = StringPrototypeToLowerCase(protocol);
    this.protocol = lowerProtocol;
    rest = StringPrototypeSlice(rest, protocol.length);
  }

  let slashes = false;
  if (slashesDenoteHost || protocol !== undefined || RegExpPrototypeExec(kAuthLike, rest) !== null) {
    slashes = StringPrototypeCharCodeAt(rest, 0) === 0x2f && StringPrototypeCharCodeAt(rest, 1) === 0x2f;
    if (slashes && !(protocol !== undefined && kHostless[lowerProtocol] === true)) {
      rest = StringPrototypeSlice(rest, 2);
      this.slashes = true;
    }
  }

  if (kHostless[lowerProtocol] !== true &&
      (slashes || (protocol !== undefined && kSlashed[protocol] !== true))) {
    rest = takeAuthority(this, rest);
    this.parseHost();
    rest = checkHostname(this, rest, url);
  }

  if (kUnescaped[lowerProtocol] !== true) rest = escapeRest(rest);

  const hashAt = StringPrototypeIndexOf(rest, '#');
  if (hashAt !== -1) {
    this.hash = StringPrototypeSlice(rest, hashAt);
    rest = StringPrototypeSlice(rest, 0, hashAt);
  }
  const queryAt = StringPrototypeIndexOf(rest, '?');
  if (queryAt !== -1) {
    this.search = StringPrototypeSlice(rest, queryAt);
    const text = StringPrototypeSlice(rest, queryAt + 1);
    this.query = parseQueryString ? querystring.parse(text) : text;
    rest = StringPrototypeSlice(rest, 0, queryAt);
  } else if (parseQueryString) {
    this.query = { __proto__: null };
  }
  if (rest !== '') this.pathname = rest;
  if (kSlashed[lowerProtocol] === true && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// The authority at the start of `rest` (after '//', or after a protocol
// that has no slashes): its auth and host (with the port) into `self`.
// Returns what follows it.
function takeAuthority(self, rest) {
  let authorityEnd = rest.length;
  for (let i = 0; i < authorityEnd; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c < 128 && (kClass[c] & HOST_END) !== 0) {
      authorityEnd = i;
      break;
    }
  }
  // Tabs and line breaks in the authority (host or not) are dropped.
  const authority = withoutSkipped(rest, 0, authorityEnd);
  if (authority.length !== authorityEnd) {
    rest = authority + StringPrototypeSlice(rest, authorityEnd);
    authorityEnd = authority.length;
  }
  const len = rest.length;
  let hostStart = 0;
  const at = authorityEnd === 0 ? -1 : StringPrototypeLastIndexOf(rest, '@', authorityEnd - 1);
  if (at !== -1) {
    self.auth = nativeDecodeURIComponent(StringPrototypeSlice(rest, 0, at));
    hostStart = at + 1;
  }
  let hostEnd = len;
  for (let i = hostStart; i < len; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c < 128 && (kClass[c] & (HOST_END | NOT_HOST)) !== 0) {
      hostEnd = i;
      break;
    }
  }
  self.host = StringPrototypeSlice(rest, hostStart, hostEnd);
  return StringPrototypeSlice(rest, hostEnd);
}

// The host name (parseHost split off the port) checked and made ASCII;
// `rest` is what follows the authority, returned with what of the host
// name turned out to be path.
function checkHostname(self, rest, url) {
  let hostname = self.hostname || '';
  const ipv6 = StringPrototypeCharCodeAt(hostname, 0) === 0x5b /* [ */ &&
               StringPrototypeCharCodeAt(hostname, hostname.length - 1) === 0x5d /* ] */;
  if (!ipv6) {
    // A ':' that is not a port's: the host name ends there, the rest is path.
    const colon = StringPrototypeIndexOf(hostname, ':');
    if (colon !== -1) {
      rest = '/' + StringPrototypeSlice(hostname, colon) + rest;
      hostname = StringPrototypeSlice(hostname, 0, colon);
      warnInvalidPort(url);
    }
  }
  hostname = hostname.length > 255 ? '' : StringPrototypeToLowerCase(hostname);
  if (!ipv6 && hostname !== '') {
    hostname = hostToASCII(hostname);
    if (hostname === '' || RegExpPrototypeExec(kForbiddenHost, hostname) !== null) {
      throw invalidUrl(url);
    }
  }
  const port = self.port ? ':' + self.port : '';
  self.host = hostname + port;
  if (ipv6) {
    self.hostname = StringPrototypeSlice(hostname, 1, -1);
    if (StringPrototypeCharCodeAt(rest, 0) !== 0x2f) rest = '/' + rest;
  } else {
    self.hostname = hostname;
  }
  return rest;
}

// text[start, end) without tabs and line breaks.
function withoutSkipped(rest, start, end) {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c < 128 && (kClass[c] & SKIPPED) !== 0) {
      out += StringPrototypeSlice(rest, from, i);
      from = i + 1;
    }
  }
  return out + StringPrototypeSlice(rest, from, end);
}

// Path, search and hash with the characters url.parse percent-encodes.
function escapeRest(rest) {
  let out = '';
  let from = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c < 128 && (kClass[c] & ESCAPED) !== 0) {
      out += StringPrototypeSlice(rest, from, i) + kPercent[c];
      from = i + 1;
    }
  }
  return from === 0 ? rest : out + StringPrototypeSlice(rest, from);
}

const isBracketed = (text) => StringPrototypeCharCodeAt(text, 0) === 0x5b &&
                              StringPrototypeCharCodeAt(text, text.length - 1) === 0x5d;

// Node reads the fields of the object it formats through their own string
// methods: a field that is not a string needs the method (a String object
// has it), or fails as V8 words the call ('protocol.charCodeAt is not a
// function').
function methodOf(value, name, label) {
  const fn = value[name];
  if (typeof fn !== 'function') throw new TypeError(`${label}.${name} is not a function`);
  return fn;
}
function charCodeOf(value, index, label) {
  if (typeof value === 'string') return StringPrototypeCharCodeAt(value, index);
  return ReflectApply(methodOf(value, 'charCodeAt', label), value, [index]);
}

// '#' and '?' in a path percent-encoded.
function escapePathname(pathname) {
  if (typeof pathname === 'string') {
    return replaceChar(replaceChar(pathname, '#', '%23'), '?', '%3F');
  }
  const len = pathname.length;
  let out = '';
  let from = 0;
  for (let i = 0; i < len; i++) {
    const c = charCodeOf(pathname, i, 'pathname');
    if (c === 0x23 || c === 0x3f) {
      if (i > from) out += ReflectApply(methodOf(pathname, 'slice', 'pathname'), pathname, [from, i]);
      out += c === 0x23 ? '%23' : '%3F';
      from = i + 1;
    }
  }
  if (from === 0) return pathname;
  if (from < len) out += ReflectApply(methodOf(pathname, 'slice', 'pathname'), pathname, [from]);
  return out;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeAuth(auth) + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const hostname = this.hostname;
    const hasColon = typeof hostname === 'string' ? StringPrototypeIndexOf(hostname, ':') !== -1 :
      ReflectApply(methodOf(hostname, 'includes', 'this.hostname'), hostname, [':']);
    host = auth + (hasColon && !isBracketed(hostname) ? '[' + hostname + ']' : hostname);
    if (this.port) host += ':' + this.port;
  }
  let query = '';
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && ('?' + query)) || '';

  if (protocol && charCodeOf(protocol, protocol.length - 1, 'protocol') !== 0x3a /* : */) {
    protocol += ':';
  }
  pathname = escapePathname(pathname);
  if (this.slashes || kSlashed[protocol] === true) {
    if (this.slashes || host) {
      if (pathname && charCodeOf(pathname, 0, 'pathname') !== 0x2f) pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol === 'file:') {
      host = '//';
    }
  }
  search = typeof search === 'string' ? replaceChar(search, '#', '%23') :
    ReflectApply(methodOf(search, 'replace', 'search'), search, [/#/g, '%23']);
  if (hash && charCodeOf(hash, 0, 'hash') !== 0x23) hash = '#' + hash;
  if (search && charCodeOf(search, 0, 'search') !== 0x3f) search = '?' + search;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

// A copy of `from`'s own enumerable properties onto `to`, some skipped.
function assignKeys(to, from, skip) {
  const keys = ObjectKeys(from);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== skip) to[keys[i]] = from[keys[i]];
  }
}

const pathAndSearch = (pathname, search) => (pathname || '') + (search || '');

// A host that carries an auth ('user@host', from a protocol without
// slashes) split into the two.
function splitAuthInHost(result) {
  const host = result.host;
  if (host && StringPrototypeIndexOf(host, '@') > 0) {
    const parts = StringPrototypeSplit(host, '@');
    result.auth = ArrayPrototypeShift(parts);
    result.host = result.hostname = ArrayPrototypeShift(parts);
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  assignKeys(result, this);
  result.hash = relative.hash;

  // Only a hash (or nothing): the base with that hash.
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // '//host/path': everything but the protocol from the relative.
  if (relative.slashes && !relative.protocol) {
    assignKeys(result, relative, 'protocol');
    if (kSlashed[result.protocol] === true && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol without slashes: the relative as it is.
    if (kSlashed[relative.protocol] !== true) {
      assignKeys(result, relative);
      result.href = result.format();
      return result;
    }
    // Another protocol with slashes ('http:foo'): its first path segment
    // is the host when it has none.
    result.protocol = relative.protocol;
    if (!relative.host && relative.protocol !== 'file' && relative.protocol !== 'file:' &&
        kHostless[relative.protocol] !== true) {
      const segments = StringPrototypeSplit(relative.pathname || '', '/');
      while (segments.length > 0) {
        relative.host = ArrayPrototypeShift(segments);
        if (relative.host) break;
      }
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (segments[0] !== '') ArrayPrototypeUnshift(segments, '');
      if (segments.length < 2) ArrayPrototypeUnshift(segments, '');
      result.pathname = ArrayPrototypeJoin(segments, '/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = pathAndSearch(result.pathname, result.search);
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const baseIsAbsolute = result.pathname && StringPrototypeCharCodeAt(result.pathname, 0) === 0x2f;
  const relativeIsAbsolute = relative.host ||
    (relative.pathname && StringPrototypeCharCodeAt(relative.pathname, 0) === 0x2f);
  let mustEndAbsolute = relativeIsAbsolute || baseIsAbsolute || (result.host && relative.pathname);
  const removeAllDots = mustEndAbsolute;
  let segments = (result.pathname && StringPrototypeSplit(result.pathname, '/')) || [];
  const relativeSegments = (relative.pathname && StringPrototypeSplit(relative.pathname, '/')) || [];
  // A protocol without slashes ('mailto:user@host'): the host is the first
  // path segment.
  const noSlashes = result.protocol && kSlashed[result.protocol] !== true;

  if (noSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (segments[0] === '') segments[0] = result.host;
      else ArrayPrototypeUnshift(segments, result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // (the same protocol written again: the base's auth is not kept)
      result.auth = null;
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relativeSegments[0] === '') relativeSegments[0] = relative.host;
        else ArrayPrototypeUnshift(relativeSegments, relative.host);
      }
      relative.host = null;
    }
    mustEndAbsolute = mustEndAbsolute && (relativeSegments[0] === '' || segments[0] === '');
  }

  if (relativeIsAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    segments = relativeSegments;
  } else if (relativeSegments.length > 0) {
    // The base's last segment replaced by the relative path.
    ArrayPrototypePop(segments);
    for (let i = 0; i < relativeSegments.length; i++) ArrayPrototypePush(segments, relativeSegments[i]);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a search: the base's path with it.
    if (noSlashes) {
      result.hostname = result.host = ArrayPrototypeShift(segments);
      splitAuthInHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = pathAndSearch(result.pathname, result.search);
    }
    result.href = result.format();
    return result;
  }

  if (segments.length === 0) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    result.href = result.format();
    return result;
  }

  // '.' and '..' resolved; a path that ended in one (or in '/') keeps its
  // trailing slash.
  const last = segments[segments.length - 1];
  const trailingSlash =
    ((result.host || relative.host || segments.length > 1) && (last === '.' || last === '..')) ||
    last === '';
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === '.') {
      ArrayPrototypeSplice(segments, i, 1);
    } else if (segment === '..') {
      ArrayPrototypeSplice(segments, i, 1);
      up++;
    } else if (up > 0) {
      ArrayPrototypeSplice(segments, i, 1);
      up--;
    }
  }
  // A relative path keeps the '..' that went above it.
  if (!mustEndAbsolute && !removeAllDots) {
    for (; up > 0; up--) ArrayPrototypeUnshift(segments, '..');
  }
  if (mustEndAbsolute && segments[0] !== '' &&
      (!segments[0] || StringPrototypeCharCodeAt(segments[0], 0) !== 0x2f)) {
    ArrayPrototypeUnshift(segments, '');
  }
  if (trailingSlash) {
    const joined = ArrayPrototypeJoin(segments, '/');
    if (StringPrototypeCharCodeAt(joined, joined.length - 1) !== 0x2f) ArrayPrototypePush(segments, '');
  }
  const isAbsolute = segments[0] === '' ||
    (segments[0] && StringPrototypeCharCodeAt(segments[0], 0) === 0x2f);

  if (noSlashes) {
    result.hostname = result.host =
      isAbsolute ? '' : (segments.length > 0 ? ArrayPrototypeShift(segments) : '');
    splitAuthInHost(result);
  }

  mustEndAbsolute = mustEndAbsolute || (result.host && segments.length > 0);
  if (mustEndAbsolute && !isAbsolute) ArrayPrototypeUnshift(segments, '');

  if (segments.length > 0) {
    result.pathname = ArrayPrototypeJoin(segments, '/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = pathAndSearch(result.pathname, result.search);
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

// Port from host ('a:80' -> '80'), host name from the rest.
Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = RegExpPrototypeExec(kPort, host);
  if (port !== null) {
    const text = port[0];
    if (text !== ':') this.port = StringPrototypeSlice(text, 1);
    host = StringPrototypeSlice(host, 0, host.length - text.length);
  }
  if (host) this.hostname = host;
};

// --- the module's functions -----------------------------------------------

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

let whatwg;
function whatwgURL() {
  if (whatwg === undefined) whatwg = require('internal/url');
  return whatwg;
}

// A WHATWG URL serialized with parts left out (auth, search, fragment) or
// its host in Unicode.
function formatWhatwg(urlObject, options) {
  if (options !== undefined && options !== null &&
      (typeof options !== 'object' || ArrayIsArray(options))) {
    throw invalidArgType('options', 'of type object', options);
  }
  let auth = true;
  let fragment = true;
  let search = true;
  let unicode = false;
  if (options) {
    if (options.auth != null) auth = !!options.auth;
    if (options.fragment != null) fragment = !!options.fragment;
    if (options.search != null) search = !!options.search;
    if (options.unicode != null) unicode = !!options.unicode;
  }
  const { URL } = whatwgURL();
  const copy = new URL(urlObject.href);
  if (!fragment) copy.hash = '';
  if (!search) copy.search = '';
  if (!auth) {
    copy.username = '';
    copy.password = '';
  }
  const href = copy.href;
  const hostname = copy.hostname;
  if (!unicode || hostname === '' || StringPrototypeCharCodeAt(hostname, 0) === 0x5b) return href;
  // The host name in Unicode, the rest of the serialization as it is.
  let userinfo = '';
  if (copy.username !== '' || copy.password !== '') {
    userinfo = copy.username + (copy.password !== '' ? ':' + copy.password : '') + '@';
  }
  const head = copy.protocol + '//' + userinfo + copy.host;
  return copy.protocol + '//' + userinfo + whatwgURL().domainToUnicode(hostname) +
         (copy.port !== '' ? ':' + copy.port : '') + StringPrototypeSlice(href, head.length);
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw invalidArgType('urlObject', 'one of type object or string', urlObject);
  } else if (urlObject instanceof whatwgURL().URL) {
    return formatWhatwg(urlObject, options);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
};
