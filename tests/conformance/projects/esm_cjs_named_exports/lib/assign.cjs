exports.a = 'a';
module.exports.b = 'b';
exports['c'] = 'c';
exports["d-dash"] = 'd-dash';
Object.defineProperty(exports, 'e', { enumerable: true, value: 'e' });
Object.defineProperty(exports, 'f', { enumerable: true, get: function () { return internal.f; } });
Object.defineProperty(exports, 'g', { enumerable: true, get() { return internal.g; } });
const internal = { f: 'f', g: 'g' };
const name = 'computed';
exports[name] = 'not detected: computed key';
Object.assign(exports, { assigned: 'not detected: Object.assign' });
function neverCalled() { exports.never = 'detected, yet never assigned'; }
