// A worker started with { eval: true } runs its code as a CommonJS module
// whose require resolves from the process cwd (here the project root):
// relative files, node_modules packages, builtins; __filename is
// '[worker eval]' (module.filename is '<cwd>/[worker eval]') and
// require.main is undefined.
const { Worker } = require('worker_threads');
const rel = (s) => String(s).split(__dirname).join('<root>');

const code = `
const { parentPort } = require('worker_threads');
const r = (id) => { try { return require(id); } catch (e) { return e.code; } };
parentPort.postMessage({
  x: r('./lib/x'),
  dep: r('dep').file,
  path: typeof r('node:path').join,
  missing: r('./nope'),
  filename: __filename,
  dirname: __dirname,
  main: typeof require.main,
  id: module.id,
  moduleFilename: module.filename,
  resolve: require.resolve('./lib/x'),
});
`;
const w = new Worker(code, { eval: true });
let msg;
w.on('message', (m) => { msg = m; });
w.on('exit', (code) => {
  console.log('exit', code);
  for (const k of Object.keys(msg)) console.log(' ', k, rel(msg[k]));
});
