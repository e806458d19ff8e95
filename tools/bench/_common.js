// Shared by the benchmark scripts (runs under both node and islet): order
// statistics and the machine-readable RESULT line that tools/bench/run.sh
// parses.
'use strict';

function sorted(xs) { return Float64Array.from(xs).sort(); }

// Nearest-rank percentile, p in [0, 100].
function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

const median = (xs) => percentile(xs, 50);
const p99 = (xs) => percentile(xs, 99);

const runtime = (() => {
  try { require('islet'); return 'islet'; } catch { return 'node'; }
})();

// metrics: [{key, label, value, unit, better: 'lower'|'higher',
//            kind: 'time'|'memory'|'rate', target?: string}]
// info: anything else worth keeping (counts, parameters).
function report(name, metrics, info = {}) {
  console.log('RESULT ' + JSON.stringify({ name, runtime, metrics, info }));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { percentile, median, p99, report, runtime, sleep };
