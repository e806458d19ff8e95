// A worker that throws a symbol: its parent's 'error' event gets the
// registered symbol of its description (Symbol.for), as Node makes it.
const { Worker } = require('worker_threads');
const cases = ["throw Symbol('s')", 'throw Symbol()', "throw Symbol.for('registered')", "throw 'a string'", 'throw 42'];
(async () => {
  for (const code of cases) {
    await new Promise((resolve) => {
      const w = new Worker(code, { eval: true });
      w.on('error', (e) => console.log(code, '->', typeof e, typeof e === 'symbol' ? [e.toString(), e.description, e === Symbol.for('registered')] : e));
      w.on('exit', (c) => { console.log('exit', c); resolve(); });
    });
  }
})();
