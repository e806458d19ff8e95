// Atomics operations on shared Int32Array and BigInt64Array views.
const i32 = new Int32Array(new SharedArrayBuffer(16));
console.log(Atomics.store(i32, 0, 5), Atomics.add(i32, 0, 3), Atomics.sub(i32, 0, 1), Atomics.load(i32, 0));
console.log(Atomics.compareExchange(i32, 0, 7, 100), Atomics.compareExchange(i32, 0, 7, 1), Atomics.load(i32, 0));
console.log(Atomics.exchange(i32, 1, 0b1100), Atomics.and(i32, 1, 0b1010), Atomics.or(i32, 1, 0b0001), Atomics.xor(i32, 1, 0b1111), i32[1]);
console.log(Atomics.isLockFree(4), typeof Atomics.isLockFree(8));
const b64 = new BigInt64Array(new SharedArrayBuffer(16));
console.log(Atomics.add(b64, 0, 2n ** 40n), Atomics.load(b64, 0), Atomics.sub(b64, 1, 1n), b64[1]);
try { Atomics.wait(new Int32Array(4), 0, 0, 0); } catch (e) { console.log('wait on non-shared:', e.name); }
try { Atomics.add(new Float64Array(new SharedArrayBuffer(8)), 0, 1); } catch (e) { console.log('float array:', e.name); }
console.log('main thread may wait', Atomics.wait(i32, 2, 0, 1));
console.log(i32);
