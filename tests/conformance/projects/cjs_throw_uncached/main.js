// A module that throws while loading is removed from require.cache (the next
// require runs it again with a fresh exports object), while modules it
// required successfully stay cached; the error propagates unchanged through
// every require() on the way up.
const rel = (s) => String(s).split(__dirname).join('<root>');
const attempt = (id) => {
  try { const m = require(id); console.log(id, 'ok', JSON.stringify(m)); }
  catch (e) { console.log(id, 'threw', e.name, e.message); }
  const inCache = Object.keys(require.cache).map(rel).filter((k) => k.includes('/lib/')).sort();
  console.log('  cache:', JSON.stringify(inCache), 'runs:', globalThis.flakyRuns, globalThis.depRuns);
};

attempt('./lib/flaky');
console.log('  entry seen from inside after the failure:', globalThis.peek() === undefined ? 'gone' : 'present');
attempt('./lib/flaky');
attempt('./lib/flaky');
attempt('./lib/flaky');
attempt('./lib/bad-child');
attempt('./lib/bad-child');
