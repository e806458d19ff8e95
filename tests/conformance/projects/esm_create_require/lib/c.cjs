exports.filename = __filename;
exports.loads = (globalThis.cLoads = (globalThis.cLoads || 0) + 1);
