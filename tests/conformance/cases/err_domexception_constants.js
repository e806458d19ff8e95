// DOMException's legacy code constants: all 25, on the constructor and the
// prototype, read-only; and the code of a DataCloneError thrown by a clone.
'use strict';
const keys = Object.keys(DOMException);
console.log(keys.length, keys.map((k) => `${k}=${DOMException[k]}`).join(' '));
for (const k of ['INDEX_SIZE_ERR', 'URL_MISMATCH_ERR', 'DATA_CLONE_ERR', 'VALIDATION_ERR']) {
  console.log(k, DOMException[k], DOMException.prototype[k],
              JSON.stringify(Object.getOwnPropertyDescriptor(DOMException, k)));
}
try {
  structuredClone(() => {});
} catch (e) {
  console.log(e.name, e.code, e.code === e.DATA_CLONE_ERR, e instanceof DOMException);
}
const { port1 } = new MessageChannel();
try {
  port1.postMessage(Symbol('s'));
} catch (e) {
  console.log(e.name, e.code, e.constructor.DATA_CLONE_ERR);
}
port1.close();
