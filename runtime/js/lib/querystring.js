// node:querystring as Node 20 has it: parse (decode), stringify (encode),
// escape and unescape. Written for islet from Node's observed behaviour
// (outputs, error codes and messages), not from Node's sources.
//
// unescapeBuffer is not provided: it returns a Buffer, which islet does not
// have yet. unescapeBytes below is the same decoding into a Uint8Array, so
// that `unescapeBuffer(s, d)` is `Buffer.from(unescapeBytes(s, d))` once it
// does (and `querystring` then lists it first among its keys, as Node does).
'use strict';
const {
  ArrayIsArray,
  NumberIsFinite,
  ObjectKeys,
  String: NativeString,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Uint8Array: NativeUint8Array,
  TypedArrayPrototypeSubarray,
  decodeURIComponent: nativeDecodeURIComponent,
} = primordials;
const { describeReceived, nodeError } = require('internal/errors');

// Node's ERR_INVALID_ARG_TYPE, its toString 'TypeError [ERR_INVALID_ARG_TYPE]: ...'.
function invalidArgType(name, expected, actual) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                   `The "${name}" argument must be ${expected}. Received ${describeReceived(actual)}`);
}

// --- escape -----------------------------------------------------------------

// Characters that stay as they are: A-Z a-z 0-9 - _ . ! ~ * ' ( )
// (those encodeURIComponent leaves alone), by code unit below 128.
const kUnreserved = new NativeUint8Array(128);
{
  const keep = "-_.!~*'()";
  for (let c = 0x30; c <= 0x39; c++) kUnreserved[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) kUnreserved[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) kUnreserved[c] = 1;
  for (let i = 0; i < keep.length; i++) kUnreserved[StringPrototypeCharCodeAt(keep, i)] = 1;
}
const { percentEncode } = require('internal/percent_encode');

function qsEscape(str) {
  if (typeof str !== 'string') {
    // An object through its string conversion; other values as `+ ''`
    // would (a symbol throws V8's TypeError).
    str = typeof str === 'object' ? NativeString(str) : `${str}`;
  }
  return percentEncode(str, kUnreserved);
}

// --- unescape ---------------------------------------------------------------

// The value of a hex digit, or -1.
function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

// Percent-decoding into bytes: '%XX' is its byte, '+' a space when
// `decodeSpaces`, any other code unit its low eight bits.
function unescapeBytes(s, decodeSpaces) {
  const size = s.length;
  if (typeof size !== 'number') throw invalidArgType('size', 'of type number', size);
  const out = new NativeUint8Array(size);
  let n = 0;
  for (let i = 0; i < size; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 0x25 /* % */ && i + 2 < size) {
      const hi = hexValue(StringPrototypeCharCodeAt(s, i + 1));
      const lo = hi < 0 ? -1 : hexValue(StringPrototypeCharCodeAt(s, i + 2));
      if (lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c === 0x2b /* + */ && decodeSpaces ? 0x20 : c & 0xff;
  }
  return TypedArrayPrototypeSubarray(out, 0, n);
}

// UTF-8 to a string, each ill-formed sequence (its longest valid prefix) a
// U+FFFD, as a Buffer's toString('utf8') decodes.
function decodeUtf8(bytes) {
  let out = '';
  let chunk = '';
  const len = bytes.length;
  let i = 0;
  const push = (code) => {
    if (code > 0xffff) {
      code -= 0x10000;
      chunk += StringFromCharCode(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else {
      chunk += StringFromCharCode(code);
    }
    if (chunk.length > 4096) {
      out += chunk;
      chunk = '';
    }
  };
  while (i < len) {
    const b = bytes[i++];
    if (b < 0x80) {
      push(b);
      continue;
    }
    let need;
    let code;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1; code = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2; code = b & 0x0f;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3; code = b & 0x07;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else {
      push(0xfffd);
      continue;
    }
    let ok = true;
    for (let k = 0; k < need; k++) {
      const next = i < len ? bytes[i] : -1;
      if (next < low || next > high) {
        ok = false;
        break;
      }
      code = (code << 6) | (next & 0x3f);
      i++;
      low = 0x80;
      high = 0xbf;
    }
    push(ok ? code : 0xfffd);
  }
  return out + chunk;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return nativeDecodeURIComponent(s);
  } catch {
    return decodeUtf8(unescapeBytes(s, decodeSpaces));
  }
}

// --- stringify --------------------------------------------------------------

function primitiveText(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return NumberIsFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = querystring.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  if (obj === null || typeof obj !== 'object') return '';
  const keys = ObjectKeys(obj);
  let fields = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = obj[key];
    // (an encoder may return anything: the key's part is `encoded + eq`,
    // added to the text on its own, then the value's)
    const prefix = encode(primitiveText(key)) + eq;
    if (ArrayIsArray(value)) {
      const count = value.length;
      if (count === 0) continue;
      if (fields !== '') fields += sep;
      for (let j = 0; j < count; j++) {
        if (j > 0) fields += sep;
        fields += prefix;
        fields += encode(primitiveText(value[j]));
      }
    } else {
      if (fields !== '') fields += sep;
      fields += prefix;
      fields += encode(primitiveText(value));
    }
  }
  return fields;
}

// --- parse ------------------------------------------------------------------

// A key or value that parse() found encoded: decoded, or, when the decoder
// throws, through querystring.unescape.
function decodeText(text, decode) {
  try {
    return decode(text);
  } catch {
    return querystring.unescape(text, true);
  }
}

function addPair(result, key, value, decodeKey, decodeValue, decode) {
  if (decodeKey && key.length > 0) key = decodeText(key, decode);
  if (decodeValue && value.length > 0) value = decodeText(value, decode);
  const current = result[key];
  if (current === undefined) {
    result[key] = value;
  } else if (typeof current !== 'string' && current.pop) {
    current[current.length] = value;
  } else {
    result[key] = [current, value];
  }
}

// The code units of a separator.
function codesOf(text) {
  const codes = [];
  for (let i = 0; i < text.length; i++) codes[i] = StringPrototypeCharCodeAt(text, i);
  return codes;
}

// One pass over the string. Separators are matched as they come (a failed
// partial match does not restart at the character that broke it); the
// characters of a partial separator match are not looked at otherwise.
// '+' is a space ('%20' for a decoder of the caller's). Text is decoded
// only when an escape ('%' and two hex digits, '+' ignored between them)
// was seen in it, the first one found for the key and the value each: once
// the key is known to be encoded, its later characters count for the
// value. A decoder of the caller's decodes every key and value.
function parse(qs, sep, eq, options) {
  const result = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return result;
  const sepCodes = sep ? codesOf(NativeString(sep)) : kAmpersand;
  const eqCodes = eq ? codesOf(NativeString(eq)) : kEquals;
  const sepLength = sepCodes.length;
  const eqLength = eqCodes.length;
  let budget = 1000;  // pairs (and empty pieces) still to read
  if (options && typeof options.maxKeys === 'number') budget = options.maxKeys;
  // Only a positive count limits: 0, negative and NaN lift the limit.
  if (!(budget > 0)) budget = Infinity;
  let decode = querystring.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const custom = decode !== qsUnescape;
  const space = custom ? '%20' : ' ';

  let key = '';
  let value = '';
  let from = 0;         // start of the text not yet added to key or value
  let sepMatched = 0;   // characters of the separator matched so far
  let eqMatched = 0;    // same for eq; eqLength once in the value
  let keyEncoded = custom;
  let valueEncoded = custom;
  let escapeRun = 0;    // 1 after '%', 2 after '%' and a hex digit

  for (let i = 0; i < qs.length; i++) {
    const c = StringPrototypeCharCodeAt(qs, i);
    if (c === sepCodes[sepMatched]) {
      if (++sepMatched < sepLength) continue;
      const end = i - sepLength + 1;
      if (eqMatched < eqLength) {
        if (from < end) {
          key += StringPrototypeSlice(qs, from, end);
        } else if (key.length === 0) {
          // nothing between two separators
          if (--budget === 0) return result;
          from = i + 1;
          sepMatched = eqMatched = 0;
          continue;
        }
      } else if (from < end) {
        value += StringPrototypeSlice(qs, from, end);
      }
      addPair(result, key, value, keyEncoded, valueEncoded, decode);
      if (--budget === 0) return result;
      key = value = '';
      keyEncoded = valueEncoded = custom;
      escapeRun = 0;
      from = i + 1;
      sepMatched = eqMatched = 0;
      continue;
    }
    sepMatched = 0;

    if (eqMatched < eqLength) {
      // in the key
      if (c === eqCodes[eqMatched]) {
        if (++eqMatched === eqLength) {
          const end = i - eqLength + 1;
          if (from < end) key += StringPrototypeSlice(qs, from, end);
          escapeRun = 0;
          from = i + 1;
        }
        continue;
      }
      eqMatched = 0;
      if (!keyEncoded) {
        if (c === 0x25 /* % */) {
          escapeRun = 1;
          continue;
        }
        if (escapeRun > 0) {
          if (c < 128 && hexValue(c) >= 0) {
            if (++escapeRun === 3) keyEncoded = true;
            continue;
          }
          escapeRun = 0;
        }
      }
      if (c === 0x2b /* + */) {
        key += StringPrototypeSlice(qs, from, i) + space;
        from = i + 1;
        continue;
      }
      // (other key characters go on to the value's check below)
    }

    if (c === 0x2b /* + */) {
      value += StringPrototypeSlice(qs, from, i) + space;
      from = i + 1;
    } else if (!valueEncoded) {
      if (c === 0x25 /* % */) {
        escapeRun = 1;
      } else if (escapeRun > 0) {
        if (c < 128 && hexValue(c) >= 0) {
          if (++escapeRun === 3) valueEncoded = true;
        } else {
          escapeRun = 0;
        }
      }
    }
  }

  if (from < qs.length) {
    if (eqMatched < eqLength) key += StringPrototypeSlice(qs, from);
    else value += StringPrototypeSlice(qs, from);
  } else if (eqMatched === 0 && key.length === 0) {
    return result;
  }
  addPair(result, key, value, keyEncoded, valueEncoded, decode);
  return result;
}
const kAmpersand = [0x26];
const kEquals = [0x3d];

const querystring = module.exports = {
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
