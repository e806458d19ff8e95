// new Worker(code, { eval: true }) from an ES module. Node 20.19+ detects
// module syntax in eval code: `import` statements or top-level await make
// it an ES module (no require: ReferenceError "require is not defined in ES
// module scope..."; import.meta.url is the cwd + '[eval1]'); code without
// them stays CommonJS (require, __filename '[worker eval]') and its import()
// resolves relative to the cwd.
import { Worker } from 'worker_threads';
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const run = (label, code) => new Promise((resolve) => {
  const w = new Worker(code, { eval: true });
  const out = [];
  w.on('message', (m) => out.push(rel(m)));
  w.on('error', (e) => out.push(`error ${e.name}: ${e.message}`));
  w.on('exit', (code) => resolve(`${label}: ${out.join(' | ')} (exit ${code})`));
});
const results = await Promise.all([
  run('static import', "import { parentPort } from 'worker_threads'; parentPort.postMessage(typeof require);"),
  run('import.meta', "import { parentPort } from 'worker_threads'; parentPort.postMessage(import.meta.url);"),
  run('commonjs', "const { parentPort } = require('worker_threads'); parentPort.postMessage(typeof require + ' ' + __filename);"),
  run('import() from cjs', "import('worker_threads').then(({ parentPort }) => parentPort.postMessage(typeof require));"),
  run('relative import()', "import('./lib/x.mjs').then((ns) => require('worker_threads').parentPort.postMessage(ns.x));"),
  run('tla makes it esm', "await null; require('worker_threads').parentPort.postMessage('unreachable');"),
]);
for (const line of results) console.log(line);
