for (const k of ['dyn1', 'dyn2']) exports[k] = k;
exports.known = 'known';
