// TextEncoder, TextDecoder, atob and btoa as Node 20 has them.
const show = (u) => Array.from(u, (b) => b.toString(16).padStart(2, '0')).join(' ');
const enc = new TextEncoder();
console.log(typeof TextEncoder, typeof TextDecoder, typeof atob, typeof btoa, enc.encoding,
            Object.prototype.toString.call(enc), Object.prototype.toString.call(new TextDecoder()),
            require('util').TextEncoder === TextEncoder, require('util').TextDecoder === TextDecoder);
for (const s of ['', 'abc', 'h\u00e9llo', '\u20ac', '\u{1F600}', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d', 42, null, undefined]) {
  const u = enc.encode(s);
  console.log(JSON.stringify(s), u.constructor.name, u.length, u.buffer.byteLength, show(u));
}
console.log(show(enc.encode()));
for (const [s, n] of [['abc', 2], ['\u20ac\u20ac', 4], ['\u{1F600}x', 3], ['\u{1F600}x', 5], ['a\u00e9', 2], ['', 4]]) {
  const dest = new Uint8Array(n);
  console.log('encodeInto', JSON.stringify(s), n, JSON.stringify(enc.encodeInto(s, dest)), show(dest));
}
try { enc.encodeInto('a', [0]); } catch (e) { console.log(e.name, e.code, e.message); }

const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM);
const cases = [[], [0x61, 0x62], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80],
  [0xff], [0xc3], [0xe2, 0x82], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xe0, 0x80, 0x80], [0xf0, 0x80, 0x80, 0x80], [0x61, 0xf0, 0x9f, 0x61], [0xef, 0xbb, 0xbf, 0x61],
  [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0x80, 0x81, 0xc2], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const codes = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16)).join(' ');
for (const c of cases) {
  const bytes = new Uint8Array(c);
  let fatal;
  try { fatal = codes(new TextDecoder('utf-8', { fatal: true }).decode(bytes)); } catch (e) { fatal = e.code; }
  console.log(show(bytes), '->', codes(dec.decode(bytes)), '|', codes(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)), '|', fatal);
}
// Streaming: a character split across chunks.
const sdec = new TextDecoder();
const euro = [0xe2, 0x82, 0xac];
let out = '';
for (const b of [0xef, 0xbb, 0xbf, ...euro, 0x61, ...euro]) out += sdec.decode(new Uint8Array([b]), { stream: true });
out += sdec.decode();
console.log('stream', codes(out));
console.log('stream end', codes(new TextDecoder().decode(new Uint8Array([0xe2]), { stream: true })), codes(sdec.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + sdec.decode()));
// Other views and buffers.
const ab = new TextEncoder().encode('views').buffer;
console.log(dec.decode(ab), dec.decode(new DataView(ab, 1, 3)), dec.decode(new Uint16Array(ab, 0, 2)), dec.decode(new SharedArrayBuffer(2)).length);
for (const bad of [5, 'str', {}, null]) { try { dec.decode(bad); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); } }
// Labels and other encodings.
for (const l of ['utf8', 'UTF-8', ' utf-8 ', 'unicode-1-1-utf-8', 'utf-16le', 'utf-16', 'utf-16be', 'latin1', 'ascii', 'iso-8859-1', 'windows-1252', 'bogus', '']) {
  try { console.log(JSON.stringify(l), new TextDecoder(l).encoding); } catch (e) { console.log(JSON.stringify(l), e.name, e.code, e.message); }
}
console.log(codes(new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x00, 0xd8, 0x62]))));
console.log(codes(new TextDecoder('utf-16be').decode(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0xdc, 0x00]))));
console.log(codes(new TextDecoder('latin1').decode(new Uint8Array([0x41, 0x80, 0x9f, 0xa9, 0xff]))));

for (const s of ['', 'f', 'fo', 'foo', 'foob', '\u00ff\u00fe', 'hello world', 42]) console.log('btoa', JSON.stringify(s), btoa(s), atob(btoa(s)) === `${s}`);
for (const s of ['Zm9v', 'Zm9vYg==', 'Zm9vYg', ' Zm 9v\nYg = = ', 'Zg', 'Z', 'Zm9vY', '====', 'Zm9v=', 'Zm=9v', 'Zm9v\u00e9', 'Z===', '', 'YQ==YQ==']) {
  try { console.log('atob', JSON.stringify(s), JSON.stringify(atob(s))); } catch (e) { console.log('atob', JSON.stringify(s), e.name, e.code, e.message); }
}
for (const f of [() => btoa('\u0100'), () => btoa(), () => atob()]) { try { f(); } catch (e) { console.log(e.name, e.code, e.message); } }
