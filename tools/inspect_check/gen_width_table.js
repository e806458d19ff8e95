'use strict';
// Regenerates the column-width table embedded in
// runtime/js/lib/internal/util/inspect.js (ZERO_WIDTH_RANGES, WIDE_RANGES).
//
// The table is *observed* behaviour: for every code point we ask Node's own
// getStringWidth (run with
// `node --expose-internals tools/inspect_check/gen_width_table.js`)
// how many terminal columns it occupies, and record the code points that take
// 0 or 2 columns as sorted ranges (everything else takes 1). Code points that
// NFC normalisation rewrites are "don't care" (inspect.js normalises before it
// measures, so they are never looked up) and may be absorbed into a
// neighbouring range to keep the table short.
//
// Output: two lines, `zero` and `wide`, each a comma-separated list of ranges.
// A range is `<gap>` or `<gap>+<len>` in base 36, where gap is the distance
// from the end of the previous range (+1) and len the extra length.
const { getStringWidth } = require('internal/util/inspect');

const width = new Int8Array(0x110000);
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) { width[cp] = 1; continue; }
  const s = String.fromCodePoint(cp);
  width[cp] = s.normalize('NFC') === s ? getStringWidth(s, false) : -1; // -1: don't care
}
// Resolve don't-care points to the width of their left neighbour.
for (let cp = 0; cp <= 0x10ffff; cp++) if (width[cp] === -1) width[cp] = cp === 0 ? 1 : width[cp - 1];

function encode(w) {
  const parts = [];
  let prevEnd = -1;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (width[cp] !== w) continue;
    let end = cp;
    while (end + 1 <= 0x10ffff && width[end + 1] === w) end++;
    const gap = (cp - prevEnd - 1).toString(36);
    parts.push(end === cp ? gap : `${gap}+${(end - cp).toString(36)}`);
    prevEnd = end;
    cp = end;
  }
  return parts.join(',');
}
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (width[cp] !== 0 && width[cp] !== 1 && width[cp] !== 2) throw new Error(`unexpected width ${width[cp]} at ${cp}`);
}
console.log(`zero ${encode(0)}`);
console.log(`wide ${encode(2)}`);
