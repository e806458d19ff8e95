globalThis.depRuns = (globalThis.depRuns || 0) + 1;
module.exports = 'dep';
