// Used by tools/bench/run.sh under node (not a benchmark): turns the RESULT
// lines of one benchmark's node and islet runs into table rows, and prints
// the summary table of all of them.
//
//   node _table.js one NAME NODE_OUT NODE_RC ISLET_OUT ISLET_RC DAEMON_JSON ROWS_JSONL
//   node _table.js summary ROWS_JSONL [MARKDOWN_OUT]
'use strict';
const fs = require('fs');

function parseResult(file) {
  let text = '';
  try { text = fs.readFileSync(file, 'utf8'); } catch { return null; }
  const line = text.split('\n').reverse().find((l) => l.startsWith('RESULT '));
  if (!line) return null;
  try { return JSON.parse(line.slice(7)); } catch { return null; }
}

function fmt(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  if (unit === 'msg/s') {
    if (value >= 1e6) return (value / 1e6).toPrecision(3) + 'M msg/s';
    if (value >= 1e3) return (value / 1e3).toPrecision(3) + 'k msg/s';
    return value.toFixed(0) + ' msg/s';
  }
  let s;
  if (Number.isInteger(value) || Math.abs(value) >= 1000) s = value.toFixed(0);
  else s = value.toPrecision(3);
  return unit ? s + ' ' + unit : s;
}

// The ratio in islet's favour (> 1 means islet is better) and its wording.
function ratio(m, islet, node) {
  if (!(islet > 0) || !(node > 0)) return { r: NaN, text: '-' };
  const r = m.better === 'higher' ? islet / node : node / islet;
  const x = (v) => (v >= 10 ? v.toFixed(1) : v.toFixed(2)) + 'x';
  if (m.kind === 'count') return { r, text: x(islet / node) + (islet >= node ? ' more' : ' fewer') };
  if (m.kind === 'memory') return { r, text: r >= 1 ? x(r) + ' less memory' : x(1 / r) + ' more memory' };
  return { r, text: r >= 1 ? x(r) + ' faster' : x(1 / r) + ' slower' };
}

function verdict(m, islet, r) {
  if (!m.target) return '';
  let ok;
  if (m.abs_max !== undefined) ok = islet <= m.abs_max;
  else if (m.ratio_min !== undefined) ok = r >= m.ratio_min;
  if (ok === undefined || Number.isNaN(islet)) return m.target;
  return m.target + (ok ? ': met' : ': MISSED');
}

function one([name, nodeOut, nodeRc, isletOut, isletRc, daemonJson, rowsFile, statusJson]) {
  const node = parseResult(nodeOut);
  const islet = parseResult(isletOut);
  let daemon = {};
  try { daemon = JSON.parse(fs.readFileSync(daemonJson, 'utf8')); } catch {}
  const rows = [];
  const notes = [];
  if (!node) notes.push(`node run failed (exit ${nodeRc}): see ${nodeOut.replace(/out$/, 'err')}`);
  if (!islet) notes.push(`islet run failed (exit ${isletRc}): see ${isletOut.replace(/out$/, 'err')}`);
  const metrics = (islet || node || { metrics: [] }).metrics;
  for (const m of metrics) {
    const iv = islet && islet.metrics.find((x) => x.key === m.key);
    const nv = node && node.metrics.find((x) => x.key === m.key);
    const i = iv ? iv.value : NaN;
    const n = nv ? nv.value : NaN;
    const { r, text } = ratio(m, i, n);
    rows.push({ bench: name, metric: m.label, islet: fmt(i, m.unit), node: fmt(n, m.unit),
                ratio: text, target: verdict(iv || m, i, r) });
  }
  if (daemon.pid) {
    const mib = (kb) => (kb / 1024).toFixed(0) + ' MiB';
    notes.push(daemon.survived
      ? `isletd from /proc: VmRSS ${mib(daemon.rss_before_kb)} before the run, peak (VmHWM) ` +
        `${mib(daemon.hwm_kb)}, ${mib(daemon.rss_after_kb)} after it; daemon survived`
      : `isletd DIED during the run (VmRSS ${mib(daemon.rss_before_kb)} before it); its log ends: ` +
        String(daemon.log_tail || '').split('\n').join(' / '));
  }
  let executor = null;
  try { executor = JSON.parse(fs.readFileSync(statusJson, 'utf8')).executor; } catch {}
  if (executor) {
    // What the pool did in the islet run: enough to explain a figure on a new machine.
    const e = executor;
    notes.push(`isletd executor: ${e.target_threads} threads (${e.threads_started} started in all); ` +
      `${e.turns} turns, ${e.runnext_handoffs} run next on the same thread, ${e.steals} stolen, ` +
      `${e.parks} parks; ${e.long_turns_total} long turns, ${e.blocks_total} blocked, ` +
      `${e.compensations_refused} found no thread`);
  }
  if (islet && islet.info) notes.push('islet info: ' + JSON.stringify(islet.info));
  if (node && node.info) notes.push('node info: ' + JSON.stringify(node.info));
  print(rows);
  for (const n of notes) console.log('  ' + n);
  fs.appendFileSync(rowsFile, rows.map((r) => JSON.stringify(r) + '\n').join(''));
  if (!node || !islet || (daemon.pid && !daemon.survived)) process.exitCode = 1;
}

const cols = ['metric', 'islet', 'node', 'ratio', 'target'];
const heads = { metric: 'metric', islet: 'islet', node: 'node 20', ratio: 'islet vs node',
                target: 'target' };

function print(rows, withBench) {
  const c = withBench ? ['bench', ...cols] : cols;
  const h = { bench: 'benchmark', ...heads };
  const w = c.map((k) => Math.max(h[k].length, ...rows.map((r) => String(r[k]).length)));
  const line = (r) => c.map((k, j) => String(r[k]).padEnd(w[j])).join('  ').trimEnd();
  console.log(line(h));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}

function markdown(rows) {
  const c = ['bench', ...cols];
  const h = { bench: 'benchmark', ...heads };
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [
    '| ' + c.map((k) => h[k]).join(' | ') + ' |',
    '|' + c.map(() => ' --- ').join('|') + '|',
    ...rows.map((r) => '| ' + c.map((k) => esc(r[k])).join(' | ') + ' |'),
  ].join('\n') + '\n';
}

function summary([rowsFile, mdOut]) {
  let rows = [];
  try {
    rows = fs.readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {}
  print(rows, true);
  if (mdOut) fs.writeFileSync(mdOut, markdown(rows));
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'one') one(rest);
else if (cmd === 'summary') summary(rest);
else { console.error('usage: see the top of _table.js'); process.exitCode = 64; }
