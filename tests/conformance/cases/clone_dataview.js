// DataView clones with its byteOffset/byteLength over a cloned buffer.
const buf = new ArrayBuffer(12);
const dv = new DataView(buf, 2, 8);
dv.setInt32(0, -123456, true);
dv.setFloat32(4, 1.5);
const c = structuredClone(dv);
console.log(c instanceof DataView, c !== dv, c.byteOffset, c.byteLength, c.buffer.byteLength);
console.log(c.getInt32(0, true), c.getFloat32(4));
const both = structuredClone({ dv, u8: new Uint8Array(buf) });
both.u8[2] = 0xff;
console.log('views share the cloned buffer', both.dv.getUint8(0), both.dv.buffer === both.u8.buffer);
console.log(structuredClone(new DataView(new ArrayBuffer(2))));
