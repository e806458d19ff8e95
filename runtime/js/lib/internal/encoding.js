// TextEncoder, TextDecoder, atob and btoa (globals in Node 20), after the
// WHATWG Encoding standard and Node's checks and messages. TextDecoder
// knows utf-8, utf-16le, utf-16be and windows-1252 (what 'latin1' and
// 'ascii' name there, decoded as Node decodes it); Node, built with full
// ICU, knows more.
'use strict';

const { invalidArgType, missingArgs } = require('internal/errors');
const { DOMException } = require('internal/messaging');  // the global's class

const REPLACEMENT = 0xfffd;

function toBytes(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (input instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
  }
  const e = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ' +
                          'ArrayBuffer or ArrayBufferView.');
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}

// Code units to a string, in slices (apply has an argument limit).
function fromCodeUnits(units, length) {
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 8192)));
  }
  return out;
}

class TextEncoder {
  get encoding() { return 'utf-8'; }

  encode(input = '') {
    const s = `${input}`;
    const out = new Uint8Array(s.length * 3);
    const { written } = encodeUtf8(s, out);
    return out.slice(0, written);
  }

  encodeInto(src, dest) {
    const s = `${src}`;
    if (!(dest instanceof Uint8Array)) {
      throw invalidArgType('dest', 'an instance of Uint8Array', dest);
    }
    return encodeUtf8(s, dest);
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag,
                      { value: 'TextEncoder', configurable: true });

// Writes whole characters of `s` while they fit; lone surrogates become
// U+FFFD. Returns the UTF-16 units read and the bytes written.
function encodeUtf8(s, out) {
  const capacity = out.length;
  let read = 0;
  let written = 0;
  while (read < s.length) {
    let c = s.charCodeAt(read);
    let units = 1;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = read + 1 < s.length ? s.charCodeAt(read + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        units = 2;
      } else {
        c = REPLACEMENT;
      }
    }
    if (c < 0x80) {
      if (written + 1 > capacity) break;
      out[written++] = c;
    } else if (c < 0x800) {
      if (written + 2 > capacity) break;
      out[written++] = 0xc0 | (c >> 6);
      out[written++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      if (written + 3 > capacity) break;
      out[written++] = 0xe0 | (c >> 12);
      out[written++] = 0x80 | ((c >> 6) & 0x3f);
      out[written++] = 0x80 | (c & 0x3f);
    } else {
      if (written + 4 > capacity) break;
      out[written++] = 0xf0 | (c >> 18);
      out[written++] = 0x80 | ((c >> 12) & 0x3f);
      out[written++] = 0x80 | ((c >> 6) & 0x3f);
      out[written++] = 0x80 | (c & 0x3f);
    }
    read += units;
  }
  return { read, written };
}

const LABELS = new Map();
for (const [name, labels] of [
  ['utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8',
             'x-unicode20utf8']],
  ['utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16',
                'utf-16le']],
  ['utf-16be', ['unicodefffe', 'utf-16be']],
  ['windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
                    'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1',
                    'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']],
]) {
  for (const label of labels) LABELS.set(label, name);
}
const kState = Symbol('kState');

class TextDecoder {
  constructor(label = 'utf-8', options = {}) {
    const key = `${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
    const encoding = LABELS.get(key);
    if (encoding === undefined) {
      const e = new RangeError(`The "${label}" encoding is not supported`);
      e.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw e;
    }
    if (options === null || (typeof options !== 'object' && typeof options !== 'function')) {
      options = {};
    }
    this[kState] = {
      encoding,
      fatal: Boolean(options.fatal),
      ignoreBOM: Boolean(options.ignoreBOM),
      pending: [],      // bytes of an unfinished character, from a streamed decode
      bomSeen: false,   // the start of the stream is behind us
    };
  }

  get encoding() { return this[kState].encoding; }
  get fatal() { return this[kState].fatal; }
  get ignoreBOM() { return this[kState].ignoreBOM; }

  decode(input = undefined, options = {}) {
    const s = this[kState];
    let bytes = toBytes(input);
    const stream = options !== null && typeof options === 'object' && Boolean(options.stream);
    if (s.pending.length > 0) {
      const joined = new Uint8Array(s.pending.length + bytes.length);
      joined.set(s.pending, 0);
      joined.set(bytes, s.pending.length);
      bytes = joined;
      s.pending = [];
    }
    let start = 0;
    if (!s.bomSeen && !s.ignoreBOM) {
      const bom = s.encoding === 'utf-8' ? [0xef, 0xbb, 0xbf]
                : s.encoding === 'utf-16le' ? [0xff, 0xfe]
                : s.encoding === 'utf-16be' ? [0xfe, 0xff] : [];
      if (bom.length > 0 && bytes.length < bom.length && stream &&
          bom.slice(0, bytes.length).every((b, i) => bytes[i] === b)) {
        s.pending = Array.from(bytes);  // maybe a BOM: wait for the rest
        return '';
      }
      if (bom.length > 0 && bytes.length >= bom.length &&
          bom.every((b, i) => bytes[i] === b)) {
        start = bom.length;
      }
    }
    if (bytes.length > 0) s.bomSeen = true;
    let result;
    if (s.encoding === 'utf-8') result = this.#utf8(bytes, start, stream);
    else if (s.encoding === 'windows-1252') result = cp1252(bytes, start);
    else result = this.#utf16(bytes, start, stream, s.encoding === 'utf-16be');
    if (!stream) {
      s.pending = [];
      s.bomSeen = false;
    }
    return result;
  }

  #invalid() {
    if (this[kState].fatal) {
      const e = new TypeError('The encoded data was not valid for encoding ' +
                              this[kState].encoding);
      e.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
      throw e;
    }
    return REPLACEMENT;
  }

  #utf8(bytes, start, stream) {
    const units = new Uint16Array((bytes.length - start) + 1);
    let n = 0;
    let needed = 0;
    let seen = 0;
    let codePoint = 0;
    let lower = 0x80;
    let upper = 0xbf;
    let sequenceStart = start;
    const emit = (c) => {
      if (c > 0xffff) {
        c -= 0x10000;
        units[n++] = 0xd800 + (c >> 10);
        units[n++] = 0xdc00 + (c & 0x3ff);
      } else {
        units[n++] = c;
      }
    };
    for (let i = start; i < bytes.length; i++) {
      const b = bytes[i];
      if (needed === 0) {
        sequenceStart = i;
        if (b <= 0x7f) {
          units[n++] = b;
        } else if (b >= 0xc2 && b <= 0xdf) {
          needed = 1;
          codePoint = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) lower = 0xa0;
          if (b === 0xed) upper = 0x9f;
          needed = 2;
          codePoint = b & 0xf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) lower = 0x90;
          if (b === 0xf4) upper = 0x8f;
          needed = 3;
          codePoint = b & 0x7;
        } else {
          emit(this.#invalid());
        }
        continue;
      }
      if (b < lower || b > upper) {
        needed = seen = codePoint = 0;
        lower = 0x80;
        upper = 0xbf;
        i--;  // the byte starts afresh
        emit(this.#invalid());
        continue;
      }
      lower = 0x80;
      upper = 0xbf;
      codePoint = (codePoint << 6) | (b & 0x3f);
      if (++seen === needed) {
        emit(codePoint);
        needed = seen = codePoint = 0;
      }
    }
    if (needed !== 0) {
      if (stream) this[kState].pending = Array.from(bytes.subarray(sequenceStart));
      else emit(this.#invalid());
    }
    return fromCodeUnits(units, n);
  }

  #utf16(bytes, start, stream, bigEndian) {
    const units = new Uint16Array(((bytes.length - start) >> 1) + 2);
    let n = 0;
    let lead = -1;  // a high surrogate waiting for its pair
    let leadAt = 0;
    let i = start;
    for (; i + 1 < bytes.length; i += 2) {
      const unit = bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
      if (lead !== -1) {
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          units[n++] = lead;
          units[n++] = unit;
          lead = -1;
          continue;
        }
        lead = -1;
        units[n++] = this.#invalid();
      }
      if (unit >= 0xd800 && unit <= 0xdbff) {
        lead = unit;
        leadAt = i;
      } else if (unit >= 0xdc00 && unit <= 0xdfff) {
        units[n++] = this.#invalid();
      } else {
        units[n++] = unit;
      }
    }
    if (stream) {
      const from = lead !== -1 ? leadAt : i;
      if (from < bytes.length) this[kState].pending = Array.from(bytes.subarray(from));
    } else {
      // A lone lead surrogate, an odd byte, or both: one error.
      if (lead !== -1 || i < bytes.length) units[n++] = this.#invalid();
    }
    return fromCodeUnits(units, n);
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag,
                      { value: 'TextDecoder', configurable: true });

// Node decodes what it names windows-1252 as ISO-8859-1: 0x80-0x9F are
// those code points, not windows-1252's characters. So does islet.
function cp1252(bytes, start) {
  return fromCodeUnits(bytes.subarray(start), bytes.length - start);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

function btoa(input) {
  if (arguments.length === 0) throw missingArgs('input');
  const s = `${input}`;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  let out = '';
  let i = 0;
  for (; i + 2 < s.length; i += 3) {
    const v = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8) | s.charCodeAt(i + 2);
    out += BASE64[v >> 18] + BASE64[(v >> 12) & 63] + BASE64[(v >> 6) & 63] + BASE64[v & 63];
  }
  if (s.length - i === 1) {
    const v = s.charCodeAt(i) << 16;
    out += BASE64[v >> 18] + BASE64[(v >> 12) & 63] + '==';
  } else if (s.length - i === 2) {
    const v = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8);
    out += BASE64[v >> 18] + BASE64[(v >> 12) & 63] + BASE64[(v >> 6) & 63] + '=';
  }
  return out;
}

// The forgiving-base64 decode, with Node's checks and messages.
function atob(input) {
  if (arguments.length === 0) throw missingArgs('input');
  const s = `${input}`;
  let significant = 0;  // not ASCII whitespace
  let equals = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20) continue;
    significant++;
    if (c === 0x3d) {
      equals++;
    } else if (c >= 128 || BASE64_VALUE[c] === -1 || equals > 0) {
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
    if (equals > 2) throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  let remainder = significant % 4;
  if (remainder === 0) {
    remainder = (significant - equals) % 4;
  } else if (equals > 0) {
    throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  if (remainder === 1) {
    throw new DOMException('The string to be decoded is not correctly encoded.',
                           'InvalidCharacterError');
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? BASE64_VALUE[c] : -1;
    if (v === -1) continue;  // whitespace and '='
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

module.exports = { TextEncoder, TextDecoder, atob, btoa };
