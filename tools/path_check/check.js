// Differential judge for islet's path module (runtime/js/lib/path.js): loads
// it the way islet loads a builtin module (a function of exports, require,
// module, internalBinding, primordials, with the real primordials table; see
// load_islet_path.js) and compares every function of both flavours with
// Node's own path.posix and path.win32:
//   - all sequences of 1-3 segments from SEGMENTS and a sample of 4, as one
//     string (unary functions, parse/format round trips) and as arguments
//     (join, resolve); relative() between all pairs of 1-2 segment strings
//     and a sample of longer pairs; basename() with many suffixes and with
//     every tail of every string; format() with every combination of
//     root/dir/base/name/ext present or absent, odd values, read order;
//   - random strings over the characters that matter; reserved device names;
//   - argument errors (built-in class, name, code, message), the module's
//     shape (keys, identities, names, lengths, descriptors);
//   - results under patched String/Array/Function prototypes;
//   - resolve() and relative() again in child processes with other working
//     directories and '=C:'-style drive directories in the environment;
//   - the conformance scripts tests/conformance/cases/path_posix_edges.js and
//     path_win32.js, under Node and with require('path') answered by path.js,
//     against their recorded .stdout and .exit.
//
//   node tools/path_check/check.js            everything (about a minute);
//                                             exit status 1 on any difference
//   node tools/path_check/check.js --verbose  also list every difference, not
//                                             just the first few
// (Paths are resolved relative to this file: run it from anywhere.)
'use strict';

const fs = require('fs');
const os = require('os');
const util = require('util');
const { spawnSync } = require('child_process');
const nodePath = require('path');
const { load, repoRoot } = require('./load_islet_path.js');

// The conformance scripts (in tests/conformance/cases) that exercise
// nothing but the path module: both run under plain Node as well.
const CONFORMANCE_CASES = ['path_posix_edges.js', 'path_win32.js'];

const VERBOSE = process.argv.includes('--verbose');
const CHILD = process.argv.includes('--child');
const SHOW = VERBOSE ? Infinity : 8;

const mine = load();
const FLAVOURS = [['posix', nodePath.posix, mine.posix], ['win32', nodePath.win32, mine.win32]];

// --- comparing ---------------------------------------------------------------

// What a call did: its value, or the error it threw.
function outcome(fn, args) {
  try {
    return { value: Reflect.apply(fn, null, args) };
  } catch (error) {
    return { error };
  }
}

const show = (v) => (typeof v === 'string' ? JSON.stringify(v)
                                           : util.inspect(v, { depth: 2, breakLength: Infinity }));
function describe(result) {
  if ('value' in result) return show(result.value);
  const e = result.error;
  return `${e && e.constructor && e.constructor.name} ${e && e.code}: ${e && e.message}`;
}

function sameValue(a, b) {
  if (typeof a === 'string' || typeof b === 'string' || a === null || typeof a !== 'object') {
    return Object.is(a, b);
  }
  // parse() results: plain objects, same keys in the same order, same values.
  if (typeof b !== 'object' || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !Object.is(a[ka[i]], b[kb[i]])) return false;
  }
  return true;
}
function sameOutcome(expected, actual) {
  if ('value' in expected) return 'value' in actual && sameValue(expected.value, actual.value);
  if (!('error' in actual)) return false;
  const e = expected.error;
  const a = actual.error;
  // Node throws its own subclass of TypeError; the built-in class, name,
  // code and message are what a program can tell apart.
  return builtinClass(e) === builtinClass(a) && e.name === a.name &&
         e.code === a.code && e.message === a.message;
}
const BUILTIN_ERRORS = [TypeError, RangeError, SyntaxError, ReferenceError, Error];
function builtinClass(error) {
  for (const E of BUILTIN_ERRORS) if (error instanceof E) return E;
  return null;
}

const tally = new Map();   // label -> { cases, passed, failures: [] }
function record(label, args, expected, actual) {
  let entry = tally.get(label);
  if (entry === undefined) tally.set(label, entry = { cases: 0, passed: 0, failures: [] });
  entry.cases++;
  if (sameOutcome(expected, actual)) {
    entry.passed++;
  } else if (entry.failures.length < SHOW) {
    entry.failures.push(`${label}(${args.map(show).join(', ')}): node ${describe(expected)}` +
                        `, islet ${describe(actual)}`);
  }
}

// Calls `name` of both flavours' implementations with args and records it.
function check(name, args, label = name) {
  for (const [flavour, theirs, ours] of FLAVOURS) {
    record(`${flavour}.${label}`, args, outcome(theirs[name], args), outcome(ours[name], args));
  }
}

// --- the corpus ----------------------------------------------------------------

const SEGMENTS = [
  '', '.', '..', '...', 'a', 'ab', '.a', 'a.', 'a.b', '.a.b', 'a..b', '/', '//', '///', '\\',
  'C:', 'c:', 'C:\\', 'C:/', '\\\\server\\share', '\\\\server\\share\\', '//server/share',
  '\\\\?\\C:\\', '\\\\.\\pipe\\x', 'x/', 'x\\', ' ', '\u00fc', '\u0130', 'CON:', 'aux', 'com1:',
  ':', 'a:', 'D:', '\\\\?\\', '\\\\.\\', '\\/', '..\\', '../', '?', 'A', 'lpt9', 'COM\u00b9',
  '\\\\', '..a', 'a:b',
];

// Deterministic pseudo-random numbers (mulberry32), for samples.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// All sequences of `length` segments.
function sequences(length) {
  let out = [[]];
  for (let i = 0; i < length; i++) {
    const next = [];
    for (const prefix of out) for (const s of SEGMENTS) next.push([...prefix, s]);
    out = next;
  }
  return out;
}
function sampleSequences(length, count, seed) {
  const rand = random(seed);
  const out = [];
  for (let n = 0; n < count; n++) {
    const seq = [];
    for (let i = 0; i < length; i++) seq.push(SEGMENTS[Math.floor(rand() * SEGMENTS.length)]);
    out.push(seq);
  }
  return out;
}

const TUPLES = [...sequences(1), ...sequences(2), ...sequences(3),
                ...sampleSequences(4, 40000, 4)];
const STRINGS = [...new Set(TUPLES.map((t) => t.join('')))];
const SHORT = [...new Set([...sequences(1), ...sequences(2)].map((t) => t.join('')))];

// Values that are not strings, for the argument checks.
const NOT_STRINGS = [undefined, null, 0, 42, -0, NaN, true, 1n, Symbol('s'), {}, [], ['a'],
                     Object.create(null), new String('a'), () => {}, function named() {},
                     new Map()];

// --- the cases -------------------------------------------------------------------

function unaryCases(strings) {
  for (const p of strings) {
    for (const name of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse',
                        'toNamespacedPath', '_makeLong']) {
      check(name, [p]);
    }
    // parse round trip: format(parse(p)) with each side's own functions.
    for (const [flavour, theirs, ours] of FLAVOURS) {
      record(`${flavour}.format(parse)`, [p],
             outcome((x) => theirs.format(theirs.parse(x)), [p]),
             outcome((x) => ours.format(ours.parse(x)), [p]));
    }
  }
}

function variadicCases(tuples) {
  for (const t of tuples) {
    check('join', t);
    check('resolve', t);
  }
}

function relativeCases() {
  const rel = [...new Set([...SHORT, 'A', 'a/b', 'a/B', 'A/b/c', '/a/bc', '/a/b', '/a/b/c/d',
    '\\\\SERVER\\Share\\x', '\\\\server\\share\\X\\y', 'c:\\A\\b', 'C:\\a\\B\\c', 'C:\\',
    'D:\\a', 'd:a', '/\u0130/x', '/i\u0307/x', '/\u00dc', '/\u00fc/y', '\\\\?\\c:\\a'])];
  for (const from of rel) for (const to of rel) check('relative', [from, to]);
  // And a sample of pairs of longer strings.
  const rand = random(7);
  const pick = () => STRINGS[Math.floor(rand() * STRINGS.length)];
  for (let n = 0; n < 300000; n++) check('relative', [pick(), pick()], 'relative(sample)');
}

const SUFFIXES = [...new Set([...SEGMENTS, 'b', '.b', 'a/', 'b/', 'ab/', 'x', 'aa', 'a.b/',
                              'b\\', 'ver\\share', '/a', 'C', ':\\', '.a/', 'a\\'])];
function basenameCases() {
  for (const p of SHORT) for (const s of SUFFIXES) check('basename', [p, s], 'basename(suffix)');
  // Every tail of every string as a suffix: where the quirks are.
  for (const p of STRINGS) {
    for (let k = 0; k < p.length; k++) check('basename', [p, p.slice(k)], 'basename(suffix)');
  }
}

function formatCases() {
  const ROOTS = [undefined, '', '/', 'C:\\', '\\\\s\\h\\', 'r'];
  const DIRS = [undefined, '', '/', '/d', 'C:\\d', 'd', 'r', '\\\\s\\h\\'];
  const BASES = [undefined, '', 'b.txt', 'b'];
  const NAMES = [undefined, '', 'n', '.n'];
  const EXTS = [undefined, '', '.e', 'e', '.', 'e.', '..'];
  for (const root of ROOTS) for (const dir of DIRS) for (const base of BASES) {
    for (const name of NAMES) for (const ext of EXTS) {
      const object = {};
      if (root !== undefined) object.root = root;
      if (dir !== undefined) object.dir = dir;
      if (base !== undefined) object.base = base;
      if (name !== undefined) object.name = name;
      if (ext !== undefined) object.ext = ext;
      check('format', [object]);
    }
  }
  // Values that are not strings, and objects that are not plain.
  const odd = [0, 5, null, false, ['.x'], ['x'], { toString: () => 'T', valueOf: () => 'V' }];
  for (const v of odd) {
    for (const key of ['root', 'dir', 'base', 'name', 'ext']) check('format', [{ [key]: v }]);
    check('format', [{ name: 'n', ext: v }]);
    check('format', [{ dir: 'd', root: v, base: 'b' }]);
  }
  check('format', [Object.create(null)]);
  check('format', [Object.assign(Object.create({ dir: 'inherited' }), { base: 'b' })]);
  check('format', [new String('s')]);
  check('format', [{ name: Symbol('s') }]);
  check('format', [{ dir: Symbol('s') }]);
  // The order the properties are read in.
  for (const [flavour, theirs, ours] of FLAVOURS) {
    for (const given of [{ root: '/' }, { dir: '/d', base: 'b' }, { name: 'n', ext: 'e' }, {}]) {
      const reads = (impl) => {
        const log = [];
        const proxy = new Proxy(given, { get(target, key) { log.push(key); return target[key]; } });
        impl.format(proxy);
        return { value: log.join(',') };
      };
      record(`${flavour}.format(read order)`, [given], reads(theirs), reads(ours));
    }
  }
}

function errorCases() {
  const bad = NOT_STRINGS;
  for (const v of bad) {
    for (const name of ['normalize', 'isAbsolute', 'dirname', 'extname', 'parse']) {
      check(name, [v], `${name}(error)`);
    }
    for (const args of [[v], ['a', v], [v, 'a'], ['', v], [v, v]]) check('join', args, 'join(error)');
    for (const args of [[v], ['a', v], [v, 'a'], [v, '/abs'], [v, 'C:\\abs'], [v, '\\abs'],
                        [v, 'C:rel'], ['/abs', v], ['C:\\abs', v], [v, '', '/x']]) {
      check('resolve', args, 'resolve(error)');
    }
    for (const args of [[v, 'a'], ['a', v], [v, v], [v, v === undefined ? 'x' : v]]) {
      check('relative', args, 'relative(error)');
    }
    for (const args of [[v], [v, v], ['a', v], [v, 'a']]) {
      if (args[1] === undefined && args.length === 2 && args[0] === 'a') continue;
      check('basename', args, 'basename(error)');
    }
    check('toNamespacedPath', [v], 'toNamespacedPath(non-string)');
    check('_makeLong', [v], 'toNamespacedPath(non-string)');
  }
  for (const v of [...bad, 'a', 'x'.repeat(40), 5]) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) continue;
    check('format', [v], 'format(error)');
  }
  for (const name of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse',
                      'format', 'relative', 'toNamespacedPath']) {
    check(name, [], `${name}(no arguments)`);
  }
  check('relative', ['a'], 'relative(error)');
  check('join', [], 'join');
  check('resolve', [], 'resolve');
}

// The module's shape: identities, keys, names, lengths, descriptors.
function shapeCases() {
  const facts = (path) => {
    const keys = Object.keys(path).filter((k) => k !== 'matchesGlob');
    const out = {
      keys: keys.join(','),
      self: path.posix === nodePath.posix || path.posix === mine.posix,
      sep: path.sep,
      delimiter: path.delimiter,
      proto: Object.getPrototypeOf(path) === Object.prototype,
      makeLong: path._makeLong === path.toNamespacedPath,
      winwin: path.win32.win32 === path.win32,
      posixposix: path.posix.posix === path.posix,
      frozen: Object.isFrozen(path),
    };
    for (const k of keys) {
      const d = Object.getOwnPropertyDescriptor(path, k);
      out[`${k}.descriptor`] = `${d.writable}${d.enumerable}${d.configurable}`;
      if (typeof path[k] === 'function') {
        out[`${k}.name`] = path[k].name;
        out[`${k}.length`] = path[k].length;
        out[`${k}.prototype`] = 'prototype' in path[k];
      }
    }
    return out;
  };
  for (const [flavour, theirs, ours] of FLAVOURS) {
    const a = facts(theirs);
    const b = facts(ours);
    for (const k of Object.keys(a)) record(`${flavour}.shape`, [k], { value: a[k] }, { value: b[k] });
  }
  record('module', ['module.exports === posix'], { value: true }, { value: mine === mine.posix });
  record('module', ['win32.posix === posix'], { value: true },
         { value: mine.win32.posix === mine.posix });
}

// Results with the built-ins a module could lean on replaced by counting
// impostors that return nonsense. Node's answers are computed first (its
// module is immune too, but the judge is not); then ours under the patch,
// with nothing but index stores and Reflect.apply in the loop.
function hostileCases() {
  const calls = [];
  const sample = STRINGS.filter((_, i) => i % 7 === 0);
  for (const p of sample) {
    for (const name of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse',
                        'toNamespacedPath']) {
      calls.push([name, [p]]);
    }
    calls.push(['basename', [p, p.slice(1)]], ['basename', [p, '.b']]);
    calls.push(['format', [nodePath.posix.parse(p)]]);
  }
  for (const t of TUPLES.filter((_, i) => i % 13 === 0)) {
    calls.push(['join', t], ['resolve', t], ['relative', [t.join(''), t.slice(1).join('/')]]);
  }
  const ours = [];
  const theirs = [];
  for (const [flavour, node, impl] of FLAVOURS) {
    for (const [name, args] of calls) {
      theirs.push({ label: `${flavour}.${name}(hostile)`, args, result: outcome(node[name], args) });
      ours.push([impl[name], args]);
    }
  }
  const targets = [
    [String.prototype, ['slice', 'charCodeAt', 'lastIndexOf', 'indexOf', 'toLowerCase',
                        'toUpperCase', 'startsWith', 'endsWith', 'includes', 'split', 'substring',
                        'substr', 'replace', 'repeat', 'trim', 'concat', 'at', 'charAt',
                        'codePointAt', 'padStart', 'normalize', 'toString', Symbol.iterator]],
    [Array.prototype, ['push', 'join', 'pop', 'slice', 'splice', 'indexOf', 'lastIndexOf',
                       'includes', 'map', 'forEach', 'filter', 'reverse', 'shift', 'unshift',
                       'concat', 'reduce', 'some', 'every', 'toString', Symbol.iterator]],
    [Function.prototype, ['call', 'apply', 'bind']],
    [Object, ['freeze', 'keys', 'defineProperty', 'assign', 'create']],
    [Array, ['isArray', 'from']],
  ];
  // Everything the patching loop needs is laid out before it starts: it
  // can use neither iteration nor Array.prototype.push once under way.
  const saved = [];
  for (const [holder, keys] of targets) {
    for (const key of keys) saved.push([holder, key, Object.getOwnPropertyDescriptor(holder, key)]);
  }
  let impostorCalls = 0;
  const impostor = function impostor() { impostorCalls++; return 'PATCHED'; };
  const results = new Array(ours.length);
  const apply = Reflect.apply;
  const restore = Object.defineProperty;
  for (let i = 0; i < saved.length; i++) saved[i][0][saved[i][1]] = impostor;
  for (let i = 0; i < ours.length; i++) {
    try {
      results[i] = { value: apply(ours[i][0], null, ours[i][1]) };
    } catch (error) {
      results[i] = { error };
    }
  }
  for (let i = saved.length - 1; i >= 0; i--) restore(saved[i][0], saved[i][1], saved[i][2]);
  for (let i = 0; i < theirs.length; i++) {
    record(theirs[i].label, theirs[i].args, theirs[i].result, results[i]);
  }
  record('hostile(impostor calls)', [], { value: 0 }, { value: impostorCalls });
}

// Random strings over the characters that matter, beyond what segment
// concatenation produces.
function fuzzCases() {
  const ALPHABET = ['a', 'b', '.', '.', '/', '/', '\\', '\\', ':', 'C', 'c', '?', ' ', 'x',
                    '\u0130', 'o', 'n', 'u'];
  const rand = random(11);
  const word = () => {
    let w = '';
    const length = Math.floor(rand() * 11);
    for (let i = 0; i < length; i++) w += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    return w;
  };
  for (let n = 0; n < 60000; n++) {
    const p = word();
    for (const name of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse',
                        'toNamespacedPath']) {
      check(name, [p], `${name}(fuzz)`);
    }
    check('basename', [p, word()], 'basename(fuzz)');
    check('basename', [p, p.slice(Math.floor(rand() * (p.length + 1)))], 'basename(fuzz)');
    const q = word();
    check('join', [p, q], 'join(fuzz)');
    check('join', [q, p, word()], 'join(fuzz)');
    check('resolve', [p, q], 'resolve(fuzz)');
    check('relative', [p, q], 'relative(fuzz)');
  }
  // Reserved device names opening a path, in every case and with every
  // kind of character after them.
  for (const name of ['con', 'CON', 'Prn', 'aux', 'NUL', 'com1', 'COM9', 'com0', 'lpt5', 'LPT\u00b3',
                      'com\u00b2', 'com\u2074', 'conin$', 'clock$', 'co', 'conn']) {
    for (const tail of ['', ':', 'x', '.', ' ', '\\', '/', ':x', ':\\x', ':.', '::', 'xy', ':x:',
                        '\\x', '.txt', '.txt:', ':\\', ': ']) {
      for (const lead of ['', 'x\\..\\', '.\\', 'C:']) {
        check('normalize', [lead + name + tail], 'normalize(reserved names)');
        check('join', [lead + name + tail, 'y'], 'join(reserved names)');
        check('join', ['x', '..', lead + name + tail], 'join(reserved names)');
      }
    }
  }
}

// resolve() and friends with this process's working directory and
// environment; the parent reruns it elsewhere.
function environmentCases() {
  const drives = ['C:', 'c:', 'D:', 'C:a', 'c:a\\..\\..\\b', 'D:\\x', 'E:', 'C:\\', '\\a', 'a',
                  '', '..', '\\\\s\\h', 'C:..\\x', 'd:/y'];
  for (const a of drives) {
    check('resolve', [a], 'resolve(environment)');
    check('toNamespacedPath', [a], 'toNamespacedPath(environment)');
    for (const b of drives) {
      check('resolve', [a, b], 'resolve(environment)');
      check('relative', [a, b], 'relative(environment)');
    }
  }
}

// --- running -------------------------------------------------------------------

function runChildren() {
  const scratch = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'islet-path-'));
  const odd = nodePath.join(scratch, 'C:\\x y', 'D:');
  fs.mkdirSync(odd, { recursive: true });
  const settings = [
    { name: 'cwd /', cwd: '/', env: {} },
    { name: 'cwd with C:\\ and D:', cwd: odd, env: {} },
    { name: 'drive directories 1', cwd: scratch,
      env: { '=C:': 'C:\\remembered\\dir', '=D:': 'c:\\other', '=c:': 'c:rel',
             '=E:': '\\\\s\\h\\x' } },
    { name: 'drive directories 2', cwd: scratch,
      env: { '=C:': 'D:/forward', '=D:': 'd:', '=E:': '' } },
  ];
  try {
    for (const { name, cwd, env } of settings) {
      const child = spawnSync(process.execPath, [__filename, '--child'],
                              { cwd, env: { ...env, PATH: process.env.PATH }, encoding: 'utf8' });
      if (child.status !== 0 && !child.stdout) throw new Error(`child failed: ${child.stderr}`);
      const report = JSON.parse(child.stdout);
      for (const [label, entry] of report) {
        const key = `${label} [${name}]`;
        tally.set(key, entry);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// The conformance cases: under Node (as recorded) and with
// require('path') answered by the module under test, stdout and exit code
// must be the recorded ones.
function conformanceCases() {
  const dir = nodePath.join(repoRoot, 'tests', 'conformance', 'cases');
  for (const file of CONFORMANCE_CASES) {
    const name = file.slice(0, -3);
    const stdout = fs.readFileSync(nodePath.join(dir, `${name}.stdout`), 'utf8');
    const exit = Number(fs.readFileSync(nodePath.join(dir, `${name}.exit`), 'utf8'));
    const preloadIslet = ['-r', require.resolve('./load_islet_path.js')];
    for (const [who, preload] of [['node', []], ['islet path.js', preloadIslet]]) {
      const run = spawnSync(process.execPath, [...preload, file], { cwd: dir, encoding: 'utf8' });
      record(`cases/${file} (${who})`, [], { value: `${exit}\n${stdout}` },
             { value: `${run.status}\n${run.stdout}` });
    }
  }
}

if (CHILD) {
  environmentCases();
  variadicCases(sequences(1).concat(sampleSequences(2, 2000, 2), sampleSequences(3, 2000, 3)));
  process.stdout.write(JSON.stringify([...tally]));
} else {
  shapeCases();
  errorCases();
  unaryCases(STRINGS);
  variadicCases(TUPLES);
  relativeCases();
  basenameCases();
  formatCases();
  environmentCases();
  fuzzCases();
  hostileCases();
  runChildren();
  conformanceCases();

  let cases = 0;
  let passed = 0;
  const width = Math.max(...[...tally.keys()].map((k) => k.length));
  for (const [label, entry] of [...tally].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    cases += entry.cases;
    passed += entry.passed;
    const mark = entry.passed === entry.cases ? '' : `  FAILED ${entry.cases - entry.passed}`;
    console.log(`${label.padEnd(width)}  ${String(entry.passed).padStart(7)} / ` +
                `${String(entry.cases).padStart(7)}${mark}`);
    for (const line of entry.failures) console.log(`    ${line}`);
  }
  console.log(`total: ${passed} / ${cases} cases passed` +
              (passed === cases ? '' : `, ${cases - passed} FAILED`));
  process.exitCode = passed === cases ? 0 : 1;
}
