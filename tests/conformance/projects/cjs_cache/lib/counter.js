globalThis.loads = (globalThis.loads || 0) + 1;
module.exports = { load: globalThis.loads };
