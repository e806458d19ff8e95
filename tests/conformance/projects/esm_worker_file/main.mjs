// Workers with ES module entries started from an ES module: a relative path
// string (resolved against the cwd, the project root), a file: URL built from
// import.meta.url, a .js file under "type": "module", and a .cjs worker.
// Inside: import { parentPort, workerData } from 'worker_threads', relative
// imports from the worker file's location, top-level await, import.meta.url.
import { Worker } from 'worker_threads';
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const run = (label, file, workerData) => new Promise((resolve) => {
  const w = new Worker(file, { workerData });
  let msg;
  w.on('message', (m) => { msg = m; });
  w.on('error', (e) => { msg = { error: `${e.name}: ${e.code}` }; });
  w.on('exit', (code) => resolve({ label, msg, code }));
});
const results = await Promise.all([
  run('./lib/w.mjs', './lib/w.mjs', { n: 1 }),
  run('URL', new URL('./lib/w.mjs', import.meta.url), { n: 2 }),
  run('./esm-dir/w.js', './esm-dir/w.js', [3]),
  run('./lib/w.cjs', './lib/w.cjs', 'four'),
]);
for (const { label, msg, code } of results) {
  console.log(label, 'exit', code);
  for (const k of Object.keys(msg).sort()) console.log('  ', k, typeof msg[k] === 'string' ? rel(msg[k]) : JSON.stringify(msg[k]));
}
