// Throwing non-Error values in workers: the 'error' event carries the value.
const { Worker } = require('worker_threads');

const sources = [
  'throw 42',
  'throw "a string"',
  'throw { code: "E_CUSTOM", detail: [1, 2] }',
  'throw null',
  'throw new TypeError("typed")',
];

(async () => {
  for (const src of sources) {
    const w = new Worker(src, { eval: true });
    const result = await new Promise((resolve) => {
      let errorValue;
      let sawError = false;
      w.on('error', (e) => { sawError = true; errorValue = e; });
      w.on('exit', (code) => resolve({ sawError, errorValue, code }));
    });
    const v = result.errorValue;
    const shown = v instanceof Error ? `${v.name}: ${v.message}` : v;
    console.log(src, '->', result.sawError, shown, 'exit', result.code);
  }
})();
