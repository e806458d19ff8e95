// The `process` object: an EventEmitter with Node's properties, backed by
// the `process` native module. What depends on the worker (pid, argv, ids)
// is set when a worker adopts the environment (internal/bootstrap/node).
'use strict';
const processBinding = internalBinding('process');
const EventEmitter = require('events');
const { invalidArgType, outOfRange } = require('internal/errors');

const process = new EventEmitter();
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });
// What this worker is (filename, argv, ids, cwd): filled in by initWorker
// (internal/bootstrap/node), because the environment is built ahead of
// time, before the worker it will serve exists.
const info = { __proto__: null };
process.title = 'islet';
// The truth, not Node 20's number: islet's engine is V8 10.2 from Debian's
// libnode, Node 18's, so a script that checks the version (or a package
// choosing a code path by it) must not be told it may use Node 20's
// language (docs/runtime.md, "Versions"). process.versions.islet (set per
// worker) says what islet it is.
process.version = 'v' + processBinding.engineNodeVersion();
process.versions = { node: processBinding.engineNodeVersion(), v8: processBinding.v8Version() };
process.arch = 'x64';
process.platform = 'linux';
process.release = { name: 'node' };
process.execPath = '/usr/bin/islet';
process.execArgv = [];
process.argv0 = 'islet';
// process.env is backed by the worker's native env store (shared with
// SHARE_ENV workers) and stores strings, as Node's does.
process.env = new Proxy({}, {
  get(target, key) {
    return typeof key === 'symbol' ? undefined : processBinding.envGet(key);
  },
  set(target, key, value) {
    if (typeof key === 'symbol') return false;
    processBinding.envSet(key, String(value));
    return true;
  },
  has(target, key) {
    return typeof key !== 'symbol' && processBinding.envGet(key) !== undefined;
  },
  deleteProperty(target, key) {
    if (typeof key !== 'symbol') processBinding.envDelete(key);
    return true;
  },
  ownKeys() { return processBinding.envKeys(); },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key === 'symbol') return undefined;
    const value = processBinding.envGet(key);
    if (value === undefined) return undefined;
    return { value, writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, key, desc) {
    if (typeof key === 'symbol') return false;
    processBinding.envSet(key, String(desc.value));
    return true;
  },
});
// Checked as Node checks it: a safe integer (a numeric string counts as its
// number), null or undefined.
let exitCode;
Object.defineProperty(process, 'exitCode', {
  get() { return exitCode; },
  set(code) {
    if (code !== null && code !== undefined) {
      let value = code;
      if (typeof code === 'string' && code !== '' && !Number.isNaN(+code)) value = +code;
      if (typeof value !== 'number') throw invalidArgType('code', 'of type number', value);
      if (!Number.isInteger(value)) throw outOfRange('code', 'an integer', value);
      if (!Number.isSafeInteger(value)) {
        throw outOfRange('code', '>= ' + Number.MIN_SAFE_INTEGER + ' && <= ' +
                         Number.MAX_SAFE_INTEGER, value);
      }
    }
    exitCode = code;
  },
  enumerable: true,
  configurable: false,
});
process._exiting = false;
process.config = { variables: {} };
process.features = {};
process.cwd = () => info.cwd;
process.chdir = () => {
  const e = new Error('process.chdir() is not supported in workers');
  e.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
  throw e;
};
process.umask = () => 0o22;
process.uptime = () => processBinding.uptime();
process.hrtime = function hrtime(prev) {
  const ns = processBinding.hrtimeNs();
  let sec = Math.floor(ns / 1e9);
  let nsec = ns - sec * 1e9;
  if (prev) {
    sec -= prev[0];
    nsec -= prev[1];
    if (nsec < 0) { sec -= 1; nsec += 1e9; }
  }
  return [sec, nsec];
};
process.hrtime.bigint = () => processBinding.hrtimeBigint();
process.memoryUsage = () => processBinding.memoryUsage();
process.memoryUsage.rss = () => processBinding.memoryUsage().rss;
process.cpuUsage = () => processBinding.cpuUsage();
process.emitWarning = (warning, type) => {
  const msg = typeof warning === 'string' ? warning : warning.message;
  const name = typeof type === 'string' ? type : (warning && warning.name) || 'Warning';
  processBinding.write(2, '(islet:' + info.pid + ') ' + name + ': ' + msg + '\n');
};

function makeStream(fd) {
  const s = new EventEmitter();
  s.fd = fd;
  // Output goes to the daemon, never a terminal: no isTTY at all, as Node's
  // streams for pipes and files have none.
  s.writable = true;
  s.write = (chunk, encoding, cb) => {
    if (typeof encoding === 'function') cb = encoding;
    processBinding.write(fd, typeof chunk === 'string' ? chunk : processBinding.decodeUtf8(chunk));
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  s.end = (chunk, encoding, cb) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') s.write(chunk);
    if (typeof chunk === 'function') cb = chunk;
    if (typeof encoding === 'function') cb = encoding;
    if (typeof cb === 'function') process.nextTick(cb);
  };
  return s;
}
process.stdout = makeStream(1);
process.stderr = makeStream(2);
process.stdin = makeStream(0);

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCodeNumber());
  }
  processBinding.reallyExit(exitCodeNumber());
};
process.reallyExit = (code) => processBinding.reallyExit(code | 0);
process.abort = () => processBinding.reallyExit(134);
process.kill = () => { throw new Error('process.kill is not supported'); };

function exitCodeNumber() {
  const c = process.exitCode;
  if (c === undefined || c === null) return 0;
  const n = Number(c);
  return Number.isInteger(n) ? n | 0 : 0;
}

module.exports = { process, info, exitCodeNumber };
