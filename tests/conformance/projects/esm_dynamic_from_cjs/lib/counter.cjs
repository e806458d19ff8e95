exports.loads = (exports.loads || 0) + 1;
exports.name = 'lib/counter.cjs';
