// Workers started from files inside the project (new Worker('./lib/w.js'),
// relative to the cwd = project root) and inside a package in node_modules:
// each worker's require resolves from the worker file's own location
// (dependencies, nested node_modules, "imports"); require.main in a worker
// is the worker's own entry module.
const { Worker } = require('worker_threads');
const rel = (s) => String(s).split(__dirname).join('<root>');
const run = (file, workerData) => new Promise((resolve, reject) => {
  const w = new Worker(file, { workerData });
  let msg;
  w.on('message', (m) => { msg = m; });
  w.on('error', reject);
  w.on('exit', (code) => resolve({ msg, code }));
});

require('dep');
Promise.all([run('./lib/w.js', { n: 7 }), run('./node_modules/tool/lib/worker.js')]).then(([a, b]) => {
  console.log('lib/w.js exit', a.code);
  for (const k of Object.keys(a.msg)) console.log(' ', k, rel(a.msg[k]));
  console.log('tool worker exit', b.code);
  for (const k of Object.keys(b.msg)) console.log(' ', k, rel(b.msg[k]));
  console.log('main cache has no worker files',
              !Object.keys(require.cache).some((k) => k.includes('w.js') || k.includes('worker.js')));
});
