// package.json "main" naming a missing file: Node 20 falls back to index.js
// (with a DEP0128 warning on stderr); without index.js it throws
// MODULE_NOT_FOUND naming the main file. A package.json that is not valid JSON
// throws a SyntaxError "Error parsing <path>: <JSON.parse message>".
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) {
    console.log(label, '!>', e.name, e.code, rel(e.message).split('\n')[0]);
    console.log('  path:', rel(e.path), 'requestPath:', e.requestPath);
  }
};

show('fallback', () => require('fallback'));
show('broken', () => require('broken'));
show('./local', () => require('./local'));
show('resolve broken', () => require.resolve('broken'));

// The parse error text comes from JSON.parse; compare with it instead of
// hard-coding V8's wording.
const text = '{ "name": "badjson", "main": "x.js", }\n';
let parseMessage;
try { JSON.parse(text); } catch (e) { parseMessage = e.message; }
let first;
try {
  require('badjson');
} catch (e) {
  first = e.message;
  const prefix = 'Error parsing <root>/node_modules/badjson/package.json: ';
  const m = rel(e.message);
  console.log('badjson', e.name, e.code, rel(e.path));
  console.log('  prefix ok:', m.startsWith(prefix), 'JSON.parse text:', m.slice(prefix.length) === parseMessage);
}
// A second require fails the same way.
try { require('badjson'); } catch (e) { console.log('badjson again', e.name, e.message === first); }
