// URL and URLSearchParams as Node 20 has them: the WHATWG URL Standard's
// reference implementation (whatwg-url from npm, embedded under
// internal/deps/), with Node's errors, util.inspect output and helpers
// (fileURLToPath, pathToFileURL, domainToASCII, ...) around it.
'use strict';
const {
  ArrayPrototypeJoin, ArrayPrototypePush, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, ReflectApply, RegExpPrototypeSymbolReplace,
  StringPrototypeSlice, StringPrototypeToLowerCase, decodeURIComponent,
} = primordials;
const whatwg = require('internal/deps/whatwg-url/index');
const { inspect } = require('internal/util/format');
const { invalidArgType, missingArgs, nodeError } = require('internal/errors');

const { implSymbol } = require('internal/deps/whatwg-url/lib/utils');

const WhatwgURL = whatwg.URL;
const URLSearchParams = whatwg.URLSearchParams;
const { get: hrefGet, set: hrefSet } = ObjectGetOwnPropertyDescriptor(WhatwgURL.prototype, 'href');

// Node's ERR_INVALID_URL: "Invalid URL", the input (and base) as properties.
function invalidURL(input, base) {
  const err = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  ObjectDefineProperty(err, 'input', {
    __proto__: null, value: input, writable: true, enumerable: true, configurable: true,
  });
  if (base !== undefined) {
    ObjectDefineProperty(err, 'base', {
      __proto__: null, value: base, writable: true, enumerable: true, configurable: true,
    });
  }
  return err;
}

// A URL's parts, as util.inspect shows them: a plain object named URL.
const URLParts = class URL {};

class URL extends WhatwgURL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    const text = `${input}`;
    const baseText = base === undefined ? undefined : `${base}`;
    try {
      if (baseText === undefined) super(text);
      else super(text, baseText);
    } catch {
      throw invalidURL(text, baseText);
    }
  }

  // Node 20: URL.parse(input, base) is a URL or null, never a throw.
  static parse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  // As Node prints one: its parts as properties under the class's name.
  [inspect.custom](depth, options) {
    if (typeof depth === 'number' && depth < 0) return this;
    const parts = new URLParts();
    parts.href = this.href;
    parts.origin = this.origin;
    parts.protocol = this.protocol;
    parts.username = this.username;
    parts.password = this.password;
    parts.host = this.host;
    parts.hostname = this.hostname;
    parts.port = this.port;
    parts.pathname = this.pathname;
    parts.search = this.search;
    parts.searchParams = this.searchParams;
    parts.hash = this.hash;
    return inspect(parts, { ...options, depth });
  }
}
ObjectDefineProperty(URL, 'name', { __proto__: null, value: 'URL', configurable: true });
// Setting href to something that is not a URL throws Node's error.
ObjectDefineProperty(URL.prototype, 'href', {
  __proto__: null,
  get: hrefGet,
  set(value) {
    const text = `${value}`;
    try {
      ReflectApply(hrefSet, this, [text]);
    } catch {
      throw invalidURL(text);
    }
  },
  enumerable: true,
  configurable: true,
});

const kColors = /\u001b\[\d\d?m/g;  // what a colored entry adds to its width
// URLSearchParams { 'a' => '1', 'b' => '2' }, one entry a line when that
// is longer than breakLength (then closed on the last line, as Node does).
ObjectDefineProperty(URLSearchParams.prototype, inspect.custom, {
  __proto__: null,
  value: function(depth, options) {
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const inner = { ...options, depth: depth === null ? null : depth - 1 };
    const list = this[implSymbol]._list;  // [name, value] pairs
    const entries = [];
    let width = 0;
    for (let i = 0; i < list.length; i++) {
      const entry = `${inspect(list[i][0], inner)} => ${inspect(list[i][1], inner)}`;
      width += (i === 0 ? 0 : 2) + RegExpPrototypeSymbolReplace(kColors, entry, '').length;
      ArrayPrototypePush(entries, entry);
    }
    const name = this.constructor.name;
    if (entries.length === 0) return `${name} {}`;
    if (width > options.breakLength) {
      return `${name} {\n  ${ArrayPrototypeJoin(entries, ',\n  ')} }`;
    }
    return `${name} { ${ArrayPrototypeJoin(entries, ', ')} }`;
  },
  writable: true,
  configurable: true,
});

// --- node:url helpers -------------------------------------------------------------

function fileURLToPath(path) {
  let url = path;
  if (typeof path === 'string') url = new URL(path);
  else if (!(path instanceof WhatwgURL)) {
    throw invalidArgType('path', 'of type string or an instance of URL', path);
  }
  if (url.protocol !== 'file:') {
    throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  if (url.hostname !== '') {
    throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST',
                    'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  for (let i = 0; i < pathname.length; i++) {
    if (pathname[i] === '%' && StringPrototypeToLowerCase(StringPrototypeSlice(pathname, i + 1, i + 3)) === '2f') {
      throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH',
                      'File URL path must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

// The characters Node escapes in a path before it becomes a file: URL's
// pathname (which escapes the rest itself).
const kPathEscapes = { __proto__: null, '%': '%25', '\\': '%5C', '\n': '%0A', '\r': '%0D',
                       '\t': '%09', '?': '%3F', '#': '%23' };
function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw invalidArgType('path', 'of type string', filepath);
  const path = require('path');
  let resolved = path.resolve(filepath);
  // resolve() drops a trailing slash; a directory's URL keeps it.
  if (filepath.length > 0 && filepath[filepath.length - 1] === '/' &&
      resolved[resolved.length - 1] !== '/') {
    resolved += '/';
  }
  let escaped = '';
  for (let i = 0; i < resolved.length; i++) {
    const c = resolved[i];
    escaped += kPathEscapes[c] !== undefined ? kPathEscapes[c] : c;
  }
  const url = new URL('file://');
  url.pathname = escaped;
  return url;
}

function domainToASCII(domain) {
  if (arguments.length === 0) throw missingArgs('domain');
  const host = whatwg.basicURLParse(`ws://${domain}`);
  return host === null ? '' : whatwg.serializeHost(host.host);
}

function domainToUnicode(domain) {
  if (arguments.length === 0) throw missingArgs('domain');
  const host = whatwg.basicURLParse(`ws://${domain}`);
  if (host === null) return '';
  const ascii = whatwg.serializeHost(host.host);
  return require('internal/deps/tr46/index').toUnicode(ascii).domain;
}

// The options http.request() takes, from a URL.
function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url,  // an object's own enumerable properties, as Node copies them
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname[0] === '[' ?
      StringPrototypeSlice(url.hostname, 1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  URL, URLSearchParams, fileURLToPath, pathToFileURL, domainToASCII, domainToUnicode,
  urlToHttpOptions,
};
