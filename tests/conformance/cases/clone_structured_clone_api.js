// The global structuredClone: argument checking and options.
console.log(typeof structuredClone, structuredClone.length, structuredClone.name);
try { structuredClone(); } catch (e) { console.log('no args:', e.name, e.code, e.message); }
console.log('undefined value', structuredClone(undefined));
console.log('empty options', structuredClone(1, {}), structuredClone(2, undefined), structuredClone(3, null));
try { structuredClone(1, { transfer: 5 }); } catch (e) { console.log('bad transfer:', e.name, e.code, e.message); }
try { structuredClone(1, { transfer: [{}] }); } catch (e) { console.log('bad transfer item:', e.name, e.code, e.message); }
const ab = new ArrayBuffer(4);
const out = structuredClone(ab, { transfer: [ab] });
console.log('transferred', out.byteLength, ab.byteLength);
const ab2 = new ArrayBuffer(2);
const out2 = structuredClone({ x: 1 }, { transfer: [ab2] });
console.log('transfer of an unreferenced buffer still detaches it', out2, ab2.byteLength);
