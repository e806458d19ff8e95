// Differential test for islet's util.inspect module
// (runtime/js/lib/internal/util/inspect.js): every case is run through that
// module and through Node's own util.inspect / util.format, and the outputs
// must be identical.
//
// The module is loaded the way islet loads a builtin module: its source as the
// body of `function (exports, require, module, internalBinding, primordials)`,
// with `primordials` the table runtime/js/lib/internal/primordials.js exports
// (itself evaluated as such a module body, its internalBinding('builtins')
// reading islet's sources from the repo). The harness stands in for the
// rest of islet:
//   internalBinding('util')   Node's natives in the shape of islet's `util`
//                             native module: getPromiseState, previewEntries,
//                             getProxyDetails, getConstructorName
//   internalBinding('types')  Node's util.types predicates
//   require('internal/process')            { info: { cwd: process.cwd() } }
//   require('internal/bootstrap/loaders')  { isBuiltinId(id) }: Node's builtin
//                                          ids, internal ones included (as
//                                          islet's loader answers for its own)
// With --no-natives (and in the second half of a full run) both bindings are
// empty objects, so the module's pure-JS fallbacks are what is tested.
//
// Run with `node tools/inspect_check/inspect_check.mjs` from anywhere (paths
// are resolved relative to this file; it re-executes itself with
// --expose-internals to reach Node's native helpers). Options:
//   -v               print every passing case too
//   --no-natives     only run with empty bindings (pure-JS fallbacks)
//   --only=REGEX     only run value/format cases whose name matches
// Exits non-zero on any mismatch.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import util from 'node:util';
import vm from 'node:vm';

const selfPath = fileURLToPath(import.meta.url);
if (!process.execArgv.includes('--expose-internals')) {
  const r = spawnSync(process.execPath,
                      ['--expose-internals', '--no-warnings', selfPath, ...process.argv.slice(2)],
                      { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const require = createRequire(import.meta.url);
const { internalBinding: nodeInternalBinding } = require('internal/test/binding');
const nodeUtilBinding = nodeInternalBinding('util');
// A null-prototype table, not a Set: the hostile run patches Set.prototype.
const builtinIds = Object.create(null);
for (const id of nodeInternalBinding('builtins').builtinIds) builtinIds[id] = true;

const repoRoot = new URL('../../', import.meta.url);
const inspectPath = fileURLToPath(new URL('runtime/js/lib/internal/util/inspect.js', repoRoot));
const primordialsPath = fileURLToPath(new URL('runtime/js/lib/internal/primordials.js', repoRoot));
const src = readFileSync(inspectPath, 'utf8');
const primordialsSrc = readFileSync(primordialsPath, 'utf8');

// islet calls a builtin module's body as a function of these five parameters.
const WRAP_HEAD = '(function (exports, require, module, internalBinding, primordials) {';
const WRAP_TAIL = '\n})';

// The native `builtins` module's read-only side, over islet's sources as
// runtime/js/BUILD.bazel embeds them (`bootstrap`, and every
// runtime/js/lib/**/*.js by its path there without ".js"; the third-party
// internal/deps/ ones are left out): builtinIds(), internalSource(id) and
// builtinIdentifiers() (every identifier in the sources outside
// internal/deps/, each once; runtime/worker/bindings.cc). primordials.js
// captures only the names islet's modules mention.
function makeBuiltinsBinding() {
  const files = { __proto__: null };
  files.bootstrap = fileURLToPath(new URL('runtime/js/bootstrap.js', repoRoot));
  const lib = fileURLToPath(new URL('runtime/js/lib/', repoRoot));
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${dir}${entry.name}/`, `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.js')) files[`${prefix}${entry.name.slice(0, -3)}`] = `${dir}${entry.name}`;
    }
  };
  walk(lib, '');
  const internalSource = (id) => (id in files ? readFileSync(files[id], 'utf8') : undefined);
  const builtinIdentifiers = () => {
    const found = new Set();
    for (const id of Object.keys(files)) {
      if (id.startsWith('internal/deps/')) continue;
      for (const m of internalSource(id).matchAll(/(?<![A-Za-z0-9_$])[A-Za-z_$][A-Za-z0-9_$]*/g)) found.add(m[0]);
    }
    return [...found].sort();
  };
  return { __proto__: null, builtinIds: () => Object.keys(files), internalSource, builtinIdentifiers };
}
const builtinsBinding = makeBuiltinsBinding();
function primordialsInternalBinding(name) {
  if (name === 'builtins') return builtinsBinding;
  throw new Error(`inspect_check: primordials.js asked for internalBinding('${name}'), which the harness does not provide`);
}

// The primordials table, as primordials.js exports it (a Proxy over the
// frozen table that throws for a missing name), built in the realm
// `evaluate` compiles in.
function loadPrimordials(evaluate, filename) {
  const fn = evaluate(`${WRAP_HEAD}${primordialsSrc}${WRAP_TAIL}`, filename);
  const mod = { exports: {} };
  fn(mod.exports, undefined, mod, primordialsInternalBinding, undefined);
  return mod.exports;
}

const builtinLoader = {
  __proto__: null,
  // Node's ids, internal ones included, as islet's loader answers for its own.
  isBuiltinId: (id) => typeof id === 'string' && id in builtinIds,
};
const processModule = { __proto__: null, info: { __proto__: null, cwd: process.cwd() } };
function isletRequire(id) {
  if (id === 'internal/process') return processModule;
  if (id === 'internal/bootstrap/loaders') return builtinLoader;
  throw new Error(`inspect_check: the module required '${id}', which the harness does not provide`);
}

// Node's natives in the shape of islet's `util` and `types` native modules
// (islet's are null-prototype objects too).
const nativeUtil = {
  __proto__: null,
  getPromiseState: (p) => nodeUtilBinding.getPromiseDetails(p),
  previewEntries: (obj, isIterator) =>
    (isIterator === true ? nodeUtilBinding.previewEntries(obj, true) : nodeUtilBinding.previewEntries(obj)),
  getProxyDetails: (p) => nodeUtilBinding.getProxyDetails(p, true),
  getConstructorName: (o) => nodeUtilBinding.getConstructorName(o),
};
const nativeTypes = { __proto__: null, ...util.types };
function makeInternalBinding(natives) {
  const modules = natives ?
    { __proto__: null, util: nativeUtil, types: nativeTypes } :
    { __proto__: null, util: { __proto__: null }, types: { __proto__: null } };
  return (name) => {
    if (name in modules) return modules[name];
    throw new Error(`inspect_check: the module asked for internalBinding('${name}'), which the harness does not provide`);
  };
}
const fullBinding = makeInternalBinding(true);
const emptyBinding = makeInternalBinding(false);

function instantiate(evaluate, binding, primordials) {
  const fn = evaluate(`${WRAP_HEAD}${src}${WRAP_TAIL}`, inspectPath);
  const mod = { exports: {} };
  fn(mod.exports, isletRequire, mod, binding, primordials);
  return mod.exports;
}

const compileHere = (code, filename) => vm.runInThisContext(code, { filename });
const mainPrimordials = loadPrimordials(compileHere, primordialsPath);
const withNatives = instantiate(compileHere, fullBinding, mainPrimordials);
const noNatives = instantiate(compileHere, emptyBinding, mainPrimordials);

const verbose = process.argv.includes('-v');
const onlyNoNatives = process.argv.includes('--no-natives');
const onlyArg = (process.argv.find((a) => a.startsWith('--only=')) || '').slice(7);
const only = onlyArg ? new RegExp(onlyArg) : null;

// ---------------------------------------------------------------------------
import { values, formats, apiChecks, bareExprs } from './inspect_cases.mjs';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const nodeInternal = require('internal/util/inspect');
// Node's side of the API checks.
const nodeApi = {
  inspect: util.inspect,
  format: util.format,
  formatWithOptions: util.formatWithOptions,
  getStringWidth: nodeInternal.getStringWidth,
  stripVTControlCharacters: util.stripVTControlCharacters,
  identicalSequenceRange: nodeInternal.identicalSequenceRange,
};

// ---------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------
const EXPECTED_NO_NATIVE_DIFF = (tags) => tags.includes('natives');

function outcome(fn) {
  try {
    return fn();
  } catch (e) {
    return `THREW ${e && e.name}${e && e.code ? ` [${e.code}]` : ''}: ${e && e.message}`;
  }
}

function run(impl, label, allowDiff) {
  let failures = 0;
  let total = 0;
  const check = (name, tags, fnNode, fnOurs) => {
    total++;
    const expected = outcome(fnNode);
    const actual = outcome(fnOurs);
    if (expected !== actual) {
      if (allowDiff(tags)) return;
      failures++;
      console.log(`MISMATCH [${label}] ${name}\n--- node:\n${expected}\n--- ours:\n${actual}\n`);
    } else if (verbose) {
      console.log(`ok [${label}] ${name}: ${expected}`);
    }
  };
  for (const { name, make, opts, tags } of values) {
    if (only && !only.test(name)) continue;
    const v = make();
    if (opts === undefined) {
      check(name, tags, () => util.inspect(v), () => impl.inspect(v));
      check(`${name} (format)`, tags, () => util.format(v), () => impl.format(v));
      check(`${name} (in object)`, tags, () => util.inspect({ key: v, other: 'x' }), () => impl.inspect({ key: v, other: 'x' }));
      check(`${name} (in array)`, tags, () => util.inspect([v, 1]), () => impl.inspect([v, 1]));
      check(`${name} (log args)`, tags, () => util.format('%s:', 'v', v), () => impl.format('%s:', 'v', v));
      check(`${name} (%o)`, tags, () => util.format('%o', v), () => impl.format('%o', v));
      check(`${name} (%s)`, tags, () => util.format('%s', v), () => impl.format('%s', v));
    } else {
      check(name, tags, () => util.inspect(v, opts), () => impl.inspect(v, opts));
      check(`${name} (in object)`, tags, () => util.inspect({ key: v }, opts), () => impl.inspect({ key: v }, opts));
      check(`${name} (formatWithOptions)`, tags,
            () => util.formatWithOptions(opts, 'x', v), () => impl.formatWithOptions(opts, 'x', v));
    }
  }
  for (const { name, make, tags } of formats) {
    if (only && !only.test(name)) continue;
    const args = make();
    check(`format ${name}`, tags, () => util.format(...args), () => impl.format(...args));
    check(`formatWithOptions ${name}`, tags,
          () => util.formatWithOptions({ depth: 0 }, ...args),
          () => impl.formatWithOptions({ depth: 0 }, ...args));
  }
  for (const { name, fn, tags } of apiChecks) {
    if (only && !only.test(name)) continue;
    check(`api ${name}`, tags, () => fn(nodeApi), () => fn(impl));
  }
  return { failures, total };
}

// ---------------------------------------------------------------------------
// Bare-context run: evaluate primordials.js and inspect.js inside a fresh vm
// context (only ECMAScript built-ins, like a bare V8 isolate), build values
// there, and compare with Node's output for the same expression built here.
// ---------------------------------------------------------------------------
function runBare(binding, label) {
  const context = vm.createContext({});
  const evaluateThere = (code, filename) => vm.runInContext(code, context, { filename });
  const ctxPrimordials = loadPrimordials(evaluateThere, primordialsPath);
  const impl = instantiate(evaluateThere, binding, ctxPrimordials);
  const withN = binding === fullBinding;
  let failures = 0;
  let total = 0;
  for (const expr of bareExprs) {
    const nativeOnly = /Promise|Proxy|entries\(\)|values\(\)|keys\(\)|Weak|arguments|Symbol\.iterator\]\(\)/.test(expr);
    for (const opts of [undefined, { showHidden: true }, { compact: false, breakLength: 40 }]) {
      if (!withN && nativeOnly) continue;
      total++;
      const expected = outcome(() => util.inspect((0, eval)(`(${expr})`), opts));
      const actual = outcome(() => impl.inspect(vm.runInContext(`(${expr})`, context), opts));
      if (expected !== actual) {
        failures++;
        console.log(`MISMATCH [bare ${label}] ${expr} ${JSON.stringify(opts)}\n--- node:\n${expected}\n--- ours:\n${actual}\n`);
      }
    }
    if (!withN && nativeOnly) continue;
    total++;
    const fexp = outcome(() => util.format('%s|%o|%d|%j', ...[0, 1, 2, 3].map(() => (0, eval)(`(${expr})`))));
    const fact = outcome(() => impl.format('%s|%o|%d|%j', ...[0, 1, 2, 3].map(() => vm.runInContext(`(${expr})`, context))));
    if (fexp !== fact) {
      failures++;
      console.log(`MISMATCH [bare ${label}] format ${expr}\n--- node:\n${fexp}\n--- ours:\n${fact}\n`);
    }
  }
  console.log(`[bare ${label}] ${total - failures}/${total} checks passed`);
  return { failures, total };
}

// String width: compare against Node's ICU-backed getStringWidth over every
// code point below U+40000 and a set of sequences.
function runWidth() {
  const { getStringWidth } = require('internal/util/inspect');
  let failures = 0;
  const samples = ['abc', '日本語', '😀', '👍🏽', 'e\u0301', '\u200b', 'ｆｕｌｌ', '한국어', '\x1b[31mred\x1b[39m', 'a\u00adb',
    '👨‍👩‍👧', '⌚', '☃', 'Ω', '\ud800', 'a\ud800b', '\udc00', '\x7f\x9f', 'A\u030a', '\u1100\u1161\u11a8', 'ﾊﾝｶｸ',
    '\x1b]8;;http://x\x07link\x1b]8;;\x07', 'tab\there', '\u0000\u001f', '🇺🇸', '‍'];
  for (let cp = 0; cp < 0x40000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    samples.push(String.fromCodePoint(cp));
  }
  for (let cp = 0xe0000; cp < 0xe0200; cp++) samples.push(String.fromCodePoint(cp));
  for (const str of samples) {
    for (const strip of [true, false]) {
      const expected = getStringWidth(str, strip);
      const actual = withNatives.getStringWidth(str, strip);
      if (expected !== actual) {
        failures++;
        if (failures < 20) console.log(`WIDTH MISMATCH ${JSON.stringify(str)} (U+${str.codePointAt(0).toString(16)}) node=${expected} ours=${actual}`);
      }
    }
  }
  console.log(`[width] ${samples.length * 2 - failures}/${samples.length * 2} checks passed`);
  return { failures, total: samples.length * 2 };
}

// ANSI stripping: hand-written sequences plus random ones.
function runStrip() {
  let failures = 0;
  const samples = ['\x1b[31mred\x1b[39m', '\x1b[1;2;3m', '\x1b[38;5;196mx', '\x1b]0;title\x07rest', '\x9b31mx',
    '\x1b[?25l', '\x1b[2J\x1b[H', '\x1b]0;t\x1b\\rest', '\x1b]0;t\x9crest', '\x1b]8;;u\x1b\\x', '\x9bs', '\x1bu', '\x1b(B', '\x1b[m', 'plain', '\x1b', '\x1b[', '\x1b[999999m', '\x1b]8;;http://a\x07b\x1b]8;;\x07'];
  let seed = 12345;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const alphabet = '\x1b\x9b\x9c\\[]()#;?0123456789ABCDHJKQRSZmfhlpqrstuvwxyz=><~\x07abc:/.%@_-&';
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const len = 1 + rnd(12);
    for (let j = 0; j < len; j++) s += alphabet[rnd(alphabet.length)];
    samples.push(s);
  }
  for (const s of samples) {
    const expected = util.stripVTControlCharacters(s);
    const actual = withNatives.stripVTControlCharacters(s);
    if (expected !== actual) {
      failures++;
      if (failures < 20) console.log(`STRIP MISMATCH ${JSON.stringify(s)} node=${JSON.stringify(expected)} ours=${JSON.stringify(actual)}`);
    }
  }
  console.log(`[strip] ${samples.length - failures}/${samples.length} checks passed`);
  return { failures, total: samples.length };
}

// ---------------------------------------------------------------------------
// Hostile run: Node's expected output is computed first; then built-ins are
// patched the way a script might, our implementation runs, and everything is
// restored. Output must be unchanged and nothing may throw.
// ---------------------------------------------------------------------------
function runHostile(impl, label) {
  const apply = Reflect.apply;
  const cases = [];
  for (const { name, make, opts, tags } of values) {
    if (only && !only.test(name)) continue;
    if (/hostile-skip/.test(tags)) continue;
    const v = make();
    cases.push({ name, run: (api) => (opts === undefined ? api.inspect(v) : api.inspect(v, opts)) });
    // (Not %s: String(value) legitimately runs patched toString methods.)
    cases.push({ name: `${name} (%o %O)`, run: (api) => api.format('%o %O %d', v, v, 1) });
    if (opts !== undefined) cases.push({ name: `${name} (nested)`, run: (api) => api.inspect([{ v }], opts) });
  }
  for (const { name, make, tags } of formats) {
    if (only && !only.test(name)) continue;
    if (/hostile-skip/.test(tags)) continue;
    const args = make();
    // Only format calls whose output cannot depend on patched methods.
    if (args.some((a) => typeof a === 'function' || (typeof a === 'object' && a !== null))) {
      if (typeof args[0] === 'string' && args[0].includes('%s')) continue;
    }
    cases.push({ name: `format ${name}`, run: (api) => apply(api.format, api, args) });
  }
  const nodeApi = { inspect: util.inspect, format: util.format };
  const expected = cases.map((c) => outcome(() => c.run(nodeApi)));
  // Everything the loop below needs is captured before the patches land;
  // the loop itself uses no patchable built-in.
  const actual = new Array(cases.length).fill('');
  const count = cases.length;
  const restore = applyHostilePatches();
  try {
    for (let i = 0; i < count; i++) {
      const c = cases[i];
      try {
        actual[i] = c.run(impl);
      } catch (e) {
        actual[i] = `THREW ${e && e.name}: ${e && e.message}`;
      }
    }
  } finally {
    restore();
  }
  let failures = 0;
  for (let i = 0; i < cases.length; i++) {
    if (expected[i] !== actual[i]) {
      failures++;
      console.log(`MISMATCH [hostile ${label}] ${cases[i].name}\n--- node (unpatched):\n${expected[i]}\n--- ours (patched):\n${actual[i]}\n`);
    }
  }
  console.log(`[hostile ${label}] ${cases.length - failures}/${cases.length} checks passed`);
  return { failures, total: cases.length };
}

// Patches built-ins the way a hostile or careless script might. Returns a
// function that undoes them. All patches are prepared first and applied with
// captured functions, so the patching itself is not disturbed.
function applyHostilePatches() {
  const defineProperty = Object.defineProperty;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const hasOwn = Object.prototype.hasOwnProperty.call.bind(Object.prototype.hasOwnProperty);
  const plan = [];
  const patch = (obj, key, desc) => {
    // Null-prototype descriptors: once Object.prototype has getters named
    // `value`, `get`... an ordinary descriptor object would trip over them.
    plan.push([obj, key, { __proto__: null, configurable: true, writable: true, enumerable: false, ...desc }]);
  };
  const boom = (what) => function () { throw new Error(`hostile ${what} called`); };
  const junk = (what) => function () { return `<<${what}>>`; };
  patch(Array.prototype, 'push', { value: boom('Array.prototype.push') });
  patch(Array.prototype, 'join', { value: junk('join') });
  patch(Array.prototype, 'map', { value: boom('Array.prototype.map') });
  patch(Array.prototype, 'filter', { value: boom('Array.prototype.filter') });
  patch(Array.prototype, 'forEach', { value: boom('Array.prototype.forEach') });
  patch(Array.prototype, 'includes', { value: () => true });
  patch(Array.prototype, 'indexOf', { value: () => 0 });
  patch(Array.prototype, 'sort', { value: function () { return this; } });
  patch(Array.prototype, 'slice', { value: () => [] });
  patch(Array.prototype, 'splice', { value: boom('Array.prototype.splice') });
  patch(Array.prototype, 'unshift', { value: boom('Array.prototype.unshift') });
  patch(Array.prototype, 'pop', { value: boom('Array.prototype.pop') });
  patch(Array.prototype, 'fill', { value: boom('Array.prototype.fill') });
  patch(Array.prototype, Symbol.iterator, { value: function* () { yield 'hostile'; } });
  patch(Array, 'isArray', { value: () => false });
  patch(Array, 'from', { value: boom('Array.from') });
  patch(String.prototype, 'slice', { value: junk('slice') });
  patch(String.prototype, 'replace', { value: junk('replace') });
  patch(String.prototype, 'replaceAll', { value: junk('replaceAll') });
  patch(String.prototype, 'split', { value: () => ['split'] });
  patch(String.prototype, 'includes', { value: () => true });
  patch(String.prototype, 'indexOf', { value: () => 0 });
  patch(String.prototype, 'startsWith', { value: () => true });
  patch(String.prototype, 'endsWith', { value: () => true });
  patch(String.prototype, 'padStart', { value: junk('padStart') });
  patch(String.prototype, 'padEnd', { value: junk('padEnd') });
  patch(String.prototype, 'repeat', { value: junk('repeat') });
  patch(String.prototype, 'trim', { value: junk('trim') });
  patch(String.prototype, 'toLowerCase', { value: junk('toLowerCase') });
  patch(String.prototype, 'normalize', { value: junk('normalize') });
  patch(String.prototype, 'charCodeAt', { value: () => 65 });
  patch(String.prototype, 'codePointAt', { value: () => 65 });
  patch(String.prototype, Symbol.iterator, { value: function* () { yield 'x'; } });
  patch(String.prototype, Symbol.replace, { value: junk('@@replace') });
  patch(String.prototype, Symbol.split, { value: () => ['@@split'] });
  patch(Object, 'keys', { value: () => ['hostileKey'] });
  patch(Object, 'getOwnPropertyNames', { value: () => ['hostileName'] });
  patch(Object, 'getOwnPropertySymbols', { value: () => [] });
  patch(Object, 'getOwnPropertyDescriptor', { value: () => undefined });
  patch(Object, 'entries', { value: boom('Object.entries') });
  patch(Object, 'getPrototypeOf', { value: () => null });
  patch(Object, 'setPrototypeOf', { value: boom('Object.setPrototypeOf') });
  patch(Object, 'defineProperty', { value: boom('Object.defineProperty') });
  patch(Object, 'assign', { value: boom('Object.assign') });
  patch(Object, 'is', { value: () => false });
  patch(Object.prototype, 'hasOwnProperty', { value: () => true });
  patch(Object.prototype, 'propertyIsEnumerable', { value: () => false });
  patch(Object.prototype, 'isPrototypeOf', { value: () => false });
  patch(Object.prototype, 'toString', { value: junk('Object.prototype.toString') });
  patch(Map.prototype, 'entries', { value: boom('Map.prototype.entries') });
  patch(Map.prototype, 'get', { value: boom('Map.prototype.get') });
  patch(Map.prototype, 'set', { value: boom('Map.prototype.set') });
  patch(Map.prototype, 'has', { value: () => true });
  patch(Map.prototype, 'forEach', { value: boom('Map.prototype.forEach') });
  patch(Map.prototype, 'keys', { value: boom('Map.prototype.keys') });
  patch(Map.prototype, 'values', { value: boom('Map.prototype.values') });
  patch(Set.prototype, 'values', { value: boom('Set.prototype.values') });
  patch(Set.prototype, 'has', { value: () => true });
  patch(Set.prototype, 'add', { value: boom('Set.prototype.add') });
  patch(Set.prototype, 'forEach', { value: boom('Set.prototype.forEach') });
  const mapIterProto = Object.getPrototypeOf(new Map().entries());
  patch(mapIterProto, 'next', { value: () => ({ done: true }) });
  const setIterProto = Object.getPrototypeOf(new Set().values());
  patch(setIterProto, 'next', { value: () => ({ done: true }) });
  patch(Object.getPrototypeOf([][Symbol.iterator]()), 'next', { value: () => ({ done: true }) });
  patch(RegExp.prototype, 'exec', { value: () => null });
  patch(RegExp.prototype, 'test', { value: () => true });
  patch(RegExp.prototype, Symbol.replace, { value: junk('re@@replace') });
  patch(RegExp.prototype, Symbol.split, { value: () => [] });
  patch(RegExp.prototype, 'toString', { value: junk('RegExp.prototype.toString') });
  patch(Function.prototype, 'call', { value: boom('Function.prototype.call') });
  patch(Function.prototype, 'apply', { value: boom('Function.prototype.apply') });
  patch(Function.prototype, 'bind', { value: boom('Function.prototype.bind') });
  patch(Function.prototype, 'toString', { value: junk('Function.prototype.toString') });
  patch(Number.prototype, 'toString', { value: junk('Number.prototype.toString') });
  patch(Number, 'isNaN', { value: () => true });
  patch(Number, 'parseInt', { value: () => 7 });
  patch(Date.prototype, 'toISOString', { value: junk('toISOString') });
  patch(Date.prototype, 'getTime', { value: () => NaN });
  patch(Error.prototype, 'toString', { value: junk('Error.prototype.toString') });
  patch(Symbol.prototype, 'toString', { value: junk('Symbol.prototype.toString') });
  patch(BigInt.prototype, 'toString', { value: junk('BigInt.prototype.toString') });
  patch(JSON, 'stringify', { value: junk('JSON.stringify') });
  patch(Math, 'max', { value: () => 3 });
  patch(Math, 'min', { value: () => 1 });
  patch(Math, 'sqrt', { value: () => 1 });
  patch(Math, 'round', { value: () => 1 });
  patch(Reflect, 'ownKeys', { value: () => [] });
  patch(Reflect, 'apply', { value: boom('Reflect.apply') });
  const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
  patch(typedArrayProto, 'subarray', { value: boom('TypedArray.prototype.subarray') });
  patch(typedArrayProto, 'join', { value: junk('TypedArray join') });
  // Getters on Object.prototype under names an implementation's own records
  // (option bags, property descriptors, iterator results, match results...)
  // might read. (Not names that user values legitimately inherit and inspect
  // must honour - name, message, stack, cause, constructor, toString,
  // Symbol.toStringTag, Symbol.iterator - nor array indices, which would make
  // every array write throw in strict code, Node's included.)
  const getterNames = ['value', 'get', 'set', 'enumerable', 'writable', 'configurable', 'stylize', 'depth',
    'colors', 'showHidden', 'compact', 'breakLength', 'sorted', 'getters', 'userOptions', 'seen', 'circular',
    'indentationLvl', 'currentDepth', 'budget', 'keys', 'base', 'braces', 'done', 'size', 'length',
    'lastIndex', 'index', 'input', 'groups', 'customInspect', 'maxArrayLength', 'maxStringLength',
    'showProxy', 'numericSeparator', 'entries', 'list', 'open', 'close', 'indent', 'level', 'refIds',
    'lastEntered', 'starts', 'ends', 'objectFallback', 'len', 'offset', 'stack_', 'extrasType', 'kind',
    'isIterator', 'state', 'result', 'then'];
  for (const key of getterNames) {
    if (hasOwn(Object.prototype, key)) continue;
    patch(Object.prototype, key, { get: boom(`Object.prototype getter ${String(key)}`), set: undefined, writable: undefined });
  }
  const saved = new Array(plan.length);
  const setPrototypeOf = Object.setPrototypeOf;
  for (let i = 0; i < plan.length; i++) {
    saved[i] = getOwnPropertyDescriptor(plan[i][0], plan[i][1]);
    if (saved[i] !== undefined) setPrototypeOf(saved[i], null);
  }
  for (let i = 0; i < plan.length; i++) {
    const d = plan[i][2];
    if (d.writable === undefined) delete d.writable;
    if ('get' in d && d.set === undefined) delete d.set;
    defineProperty(plan[i][0], plan[i][1], d);
  }
  return () => {
    for (let i = plan.length - 1; i >= 0; i--) {
      if (saved[i] === undefined) delete plan[i][0][plan[i][1]];
      else defineProperty(plan[i][0], plan[i][1], saved[i]);
    }
  };
}

// ---------------------------------------------------------------------------
// Module namespace objects, including bindings still in their TDZ: a cycle
// a.mjs <-> b.mjs where a.mjs looks at b's namespace before b has run.
// ---------------------------------------------------------------------------
async function runModuleNamespaces() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspect-ns-'));
  writeFileSync(path.join(dir, 'a.mjs'), "import * as b from './b.mjs'; globalThis.__inspectNsCheck(b, 'tdz'); export let x = 1;");
  writeFileSync(path.join(dir, 'b.mjs'), "import './a.mjs'; export let y = 2; export const z = { deep: { er: [1] } }; export default function named() {}; export class K {}");
  writeFileSync(path.join(dir, 'c.mjs'), "export const big = Array.from({ length: 8 }, (_, i) => i); export let s = 'str'; export const sym = Symbol('q');");
  let failures = 0;
  let total = 0;
  const optionSets = [undefined, { showHidden: true }, { colors: true }, { compact: false }, { depth: 0 }, { sorted: true }, { breakLength: 20 }];
  const compare = (ns, label) => {
    for (const impl of [withNatives, noNatives]) {
      for (const opts of optionSets) {
        total++;
        const expected = outcome(() => util.inspect(ns, opts));
        const actual = outcome(() => impl.inspect(ns, opts));
        if (expected !== actual && !(impl === noNatives && label === 'tdz')) {
          failures++;
          console.log(`MISMATCH [namespace ${label}] ${JSON.stringify(opts)}\n--- node:\n${expected}\n--- ours:\n${actual}\n`);
        }
      }
      total++;
      const fe = outcome(() => util.format('%s %o %O', ns, ns, { ns }));
      const fa = outcome(() => impl.format('%s %o %O', ns, ns, { ns }));
      if (fe !== fa && !(impl === noNatives && label === 'tdz')) {
        failures++;
        console.log(`MISMATCH [namespace ${label}] format\n--- node:\n${fe}\n--- ours:\n${fa}\n`);
      }
    }
  };
  globalThis.__inspectNsCheck = compare;
  try {
    const b = await import(pathToFileURL(path.join(dir, 'b.mjs')).href);
    compare(b, 'b');
    const c = await import(pathToFileURL(path.join(dir, 'c.mjs')).href);
    compare(c, 'c');
    compare({ nested: { ns: c } }, 'nested');
    compare(await import('data:text/javascript,export default 1'), 'default-only');
  } finally {
    delete globalThis.__inspectNsCheck;
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`[namespace] ${total - failures}/${total} checks passed`);
  return { failures, total };
}

// ---------------------------------------------------------------------------
let totalFailures = 0;
let totalChecks = 0;
const tally = ({ failures, total }) => { totalFailures += failures; totalChecks += total; };
const runs = onlyNoNatives ? [[noNatives, 'no-natives', EXPECTED_NO_NATIVE_DIFF]] : [
  [withNatives, 'natives', () => false],
  [noNatives, 'no-natives', EXPECTED_NO_NATIVE_DIFF],
];
for (const [impl, label, allow] of runs) {
  const result = run(impl, label, allow);
  console.log(`[${label}] ${result.total - result.failures}/${result.total} checks passed (${values.length} values, ${formats.length} format cases, ${apiChecks.length} api checks)`);
  tally(result);
}
if (!onlyNoNatives) {
  tally(runHostile(withNatives, 'natives'));
  if (!only) {
    tally(await runModuleNamespaces());
    tally(runBare(fullBinding, 'natives'));
  }
}
if (!only) {
  tally(runBare(emptyBinding, 'no-natives'));
  tally(runWidth());
  tally(runStrip());
}
console.log(`TOTAL ${totalChecks - totalFailures}/${totalChecks} checks passed`);
process.exit(totalFailures === 0 ? 0 : 1);
