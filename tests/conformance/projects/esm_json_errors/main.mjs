// JSON module errors: no type assertion (static or import()), an unknown
// type, type 'json' on a JavaScript file, type 'javascript' (not allowed as
// an assertion), an unsupported assertion key, a named import from JSON, and
// invalid JSON (a SyntaxError; its message ends with JSON.parse's message).
// Each check uses its own file: Node caches a failed load per URL, so a later
// import of the same file would repeat the first error.
const root = import.meta.dirname;
const rel = (s) => String(s).split(root).join('<root>');
const show = async (label, spec, opts) => {
  try {
    const ns = await import(spec, opts);
    console.log(label, '->', JSON.stringify(ns.default));
  } catch (e) {
    console.log(label, '!>', e.name, e.code, rel(e.message).split('\n')[0]);
  }
};
await show('no assertion', './data/none.json');
await show('static no assertion', './data/static-missing.mjs');
await show('type css', './data/css.json', { assert: { type: 'css' } });
await show('json on .mjs', './data/code-json.mjs', { assert: { type: 'json' } });
await show('javascript', './data/code-javascript.mjs', { assert: { type: 'javascript' } });
await show('extra key', './data/extra.json', { assert: { type: 'json', integrity: 'x' } });
await show('empty assert on .mjs', './data/code-empty.mjs', { assert: {} });
await show('named import', './data/named.mjs');
await show('ok', './data/ok.json', { assert: { type: 'json' } });

const parseError = (() => { try { JSON.parse('{ "a": 1, }\n'); } catch (e) { return e.message; } })();
try {
  await import('./data/bad.json', { assert: { type: 'json' } });
} catch (e) {
  const m = rel(e.message);
  console.log('bad.json', e.name, e.code, m.startsWith('<root>/data/bad.json: '), m.endsWith(parseError));
}
