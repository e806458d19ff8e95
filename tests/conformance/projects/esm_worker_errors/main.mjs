// ES module workers that fail: a missing entry file (a CommonJS-style
// MODULE_NOT_FOUND), a missing dependency, a missing named import
// (SyntaxError), a throwing module and a rejected top-level await all give an
// 'error' event and exit code 1 (messages posted before still arrive; Node
// does not order them against 'error'); an unsettled top-level await in a
// worker exits with 13 and no 'error'; a path without ./ throws ERR_WORKER_PATH.
import { Worker } from 'worker_threads';
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const run = (file) => new Promise((resolve) => {
  const w = new Worker(file);
  const messages = [];
  let error = 'no error event';
  w.on('message', (m) => messages.push(`message ${m}`));
  w.on('error', (e) => { error = `error ${e.name} ${e.code} ${rel(e.message).split('\n')[0]}`; });
  w.on('exit', (code) => resolve({ file, out: [...messages, error], code }));
});
const results = await Promise.all(['./lib/missing.mjs', './lib/missing-dep.mjs', './lib/bad-import.mjs',
  './lib/throws.mjs', './lib/tla-reject.mjs', './lib/unsettled.mjs'].map(run));
for (const { file, out, code } of results) {
  console.log(file, 'exit', code);
  for (const line of out) console.log('  ', line);
}
try { new Worker('lib/ok.mjs'); } catch (e) { console.log('no ./', e.name, e.code); }
