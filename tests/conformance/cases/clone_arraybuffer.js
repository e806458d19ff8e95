// ArrayBuffers are copied by default; views on the same buffer stay on one cloned buffer.
const buf = new ArrayBuffer(8);
const bytes = new Uint8Array(buf);
bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
const c = structuredClone(buf);
console.log(c instanceof ArrayBuffer, c !== buf, c.byteLength, [...new Uint8Array(c)]);
bytes[0] = 99;
console.log('copy is independent', new Uint8Array(c)[0], 'source still attached', buf.byteLength);

const view1 = new Uint8Array(buf, 0, 4);
const view2 = new Uint16Array(buf, 4, 2);
const pair = structuredClone({ view1, view2, buf });
console.log('same buffer', pair.view1.buffer === pair.view2.buffer, pair.view1.buffer === pair.buf);
console.log(pair.view1, pair.view2, pair.view2.byteOffset);
console.log(structuredClone(new ArrayBuffer(0)));
const big = new ArrayBuffer(1 << 20);
new Uint8Array(big)[(1 << 20) - 1] = 255;
console.log('1 MiB', structuredClone(big).byteLength, new Uint8Array(structuredClone(big))[(1 << 20) - 1]);
