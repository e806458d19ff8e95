// UTF-8 percent-encoding as querystring.escape and url.format do it: every
// code unit outside a 128-entry table of characters kept as they are, as
// %XX bytes.
'use strict';
const { StringPrototypeCharCodeAt, StringPrototypeSlice } = primordials;
const { nodeError } = require('internal/errors');

const kHex = '0123456789ABCDEF';
// '%XX' for every byte value.
const kPercent = [];
for (let b = 0; b < 256; b++) kPercent[b] = '%' + kHex[b >> 4] + kHex[b & 15];

function uriMalformed() {
  return nodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
}

// UTF-8 percent-encoding of every code unit outside `noEscape` (a 128-entry
// table). A surrogate, high or low, is joined with whatever code unit
// follows it (its low ten bits); one at the very end throws.
function percentEncode(str, noEscape) {
  let out = '';
  let from = 0;  // start of the run of characters copied as they are
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) {
      if (noEscape[c] === 1) continue;
      out += StringPrototypeSlice(str, from, i) + kPercent[c];
    } else if (c < 0x800) {
      out += StringPrototypeSlice(str, from, i) + kPercent[0xc0 | (c >> 6)] +
             kPercent[0x80 | (c & 0x3f)];
    } else if (c < 0xd800 || c > 0xdfff) {
      out += StringPrototypeSlice(str, from, i) + kPercent[0xe0 | (c >> 12)] +
             kPercent[0x80 | ((c >> 6) & 0x3f)] + kPercent[0x80 | (c & 0x3f)];
    } else {
      if (i + 1 >= len) throw uriMalformed();
      const before = StringPrototypeSlice(str, from, i);
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (StringPrototypeCharCodeAt(str, i) & 0x3ff));
      out += before + kPercent[0xf0 | (c >> 18)] + kPercent[0x80 | ((c >> 12) & 0x3f)] +
             kPercent[0x80 | ((c >> 6) & 0x3f)] + kPercent[0x80 | (c & 0x3f)];
    }
    from = i + 1;
  }
  if (from === 0) return str;
  return out + StringPrototypeSlice(str, from);
}

module.exports = { percentEncode, kPercent };
