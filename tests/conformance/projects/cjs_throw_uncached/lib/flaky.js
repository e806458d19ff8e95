globalThis.flakyRuns = (globalThis.flakyRuns || 0) + 1;
exports.partial = 'set before throwing';
require('./dep.js');
globalThis.peek = () => require.cache[__filename];
if (globalThis.flakyRuns < 3) throw new Error('flaky load #' + globalThis.flakyRuns);
exports.ok = true;
