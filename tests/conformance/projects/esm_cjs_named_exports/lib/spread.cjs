exports.spread = 'from spread.cjs';
