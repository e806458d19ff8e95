// The environment every worker sees. Evaluated once per context; `bindings`
// holds the native modules by name (runtime/worker/native_modules.h). Returns the hooks the
// native turn loop calls: runMain, runTimer, runImmediates, tick, ...
(function(bindings) {
'use strict';

// A native module by name (runtime/worker/native_modules.h): what an
// internal module gets as `internalBinding`.
function internalBinding(name) {
  const module = bindings[name];
  if (module === undefined) throw new Error('no native module ' + name);
  return module;
}
const builtinsBinding = internalBinding('builtins');
const processBinding = internalBinding('process');
const taskQueueBinding = internalBinding('task_queue');
const messagingBinding = internalBinding('messaging');
const modulesBinding = internalBinding('modules');

const global = globalThis;

// The built-ins islet's own JS relies on where a script could otherwise
// steer it or be handed an internal object (issue 13; Node's `primordials`
// is the model), captured here, before any user code runs. Internal modules
// get this table as `primordials`. A call through it looks nothing up at
// call time: `uncurryThis(Map.prototype.get)(map, key)` is the original
// get, whatever a script has since put on Map.prototype or
// Function.prototype.call.
const primordials = (() => {
  const { bind, call } = Function.prototype;
  const uncurryThis = bind.bind(call);
  const table = { __proto__: null, uncurryThis };
  // Each capture must find its built-in: a missing one fails the bootstrap
  // (and so the environment snapshot) instead of leaving a hole. Features
  // V8 ships behind a flag (Object.hasOwn, Array.prototype.findLast, ...)
  // are installed only in contexts made from a snapshot, never in the one
  // the snapshot is made from, so they cannot be captured here.
  const checked = (name, value) => {
    if (typeof value !== 'function') throw new Error('primordials: no ' + name);
    return value;
  };
  const capture = (prefix, source, keys) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      table[prefix + key[0].toUpperCase() + key.slice(1)] =
          checked(prefix + '.' + key, source[key]);
    }
  };
  const captureMethods = (prefix, proto, keys) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      table[prefix + key[0].toUpperCase() + key.slice(1)] =
          uncurryThis(checked(prefix + '.' + key, proto[key]));
    }
  };
  capture('Reflect', Reflect, ['apply', 'construct', 'ownKeys', 'getPrototypeOf',
                               'defineProperty', 'getOwnPropertyDescriptor', 'get', 'set']);
  capture('Object', Object, ['create', 'defineProperty', 'freeze', 'keys',
                             'setPrototypeOf', 'getPrototypeOf', 'assign',
                             'getOwnPropertyDescriptor', 'getOwnPropertyNames']);
  capture('Array', Array, ['isArray']);
  capture('JSON', JSON, ['parse', 'stringify']);
  table.ObjectPrototype = Object.prototype;
  // Object.hasOwn (flag-shipped in V8 10.2: see above), as its equivalent.
  table.ObjectHasOwn = uncurryThis(Object.prototype.hasOwnProperty);
  table.decodeURIComponent = decodeURIComponent;
  table.encodeURIComponent = encodeURIComponent;
  captureMethods('ArrayPrototype', Array.prototype, ['includes', 'indexOf', 'push', 'join',
                                                     'slice', 'map', 'forEach', 'splice']);
  captureMethods('StringPrototype', String.prototype, ['startsWith', 'endsWith', 'slice',
                                                       'includes', 'indexOf', 'lastIndexOf',
                                                       'charCodeAt', 'toLowerCase']);
  captureMethods('MapPrototype', Map.prototype, ['get', 'set', 'has', 'delete']);
  captureMethods('SetPrototype', Set.prototype, ['add', 'has', 'delete']);
  captureMethods('WeakMapPrototype', WeakMap.prototype, ['get', 'set']);
  table.WeakMap = WeakMap;
  captureMethods('FunctionPrototype', Function.prototype, ['call', 'apply', 'bind']);
  captureMethods('PromisePrototype', Promise.prototype, ['then']);
  // A Map (Set) whose methods are its own copies of the originals: an
  // internal table that a script cannot watch through Map.prototype.
  const safe = (Base) => {
    const Safe = class extends Base {};
    const keys = Reflect.ownKeys(Base.prototype);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 'constructor') continue;
      Reflect.defineProperty(Safe.prototype, keys[i],
                             Reflect.getOwnPropertyDescriptor(Base.prototype, keys[i]));
    }
    Object.freeze(Safe.prototype);
    return Object.freeze(Safe);
  };
  table.SafeMap = safe(Map);
  table.SafeSet = safe(Set);
  return Object.freeze(table);
})();
const {
  ReflectApply, ObjectAssign, ObjectDefineProperty, ObjectKeys, ObjectHasOwn, MapPrototypeGet, MapPrototypeSet,
  MapPrototypeHas, StringPrototypeStartsWith, StringPrototypeSlice, SafeMap, PromisePrototypeThen,
} = primordials;

const internalCache = new SafeMap();
// Shared with internal modules; filled in below. No prototype: a read of a
// name it lacks cannot reach a getter a script put on Object.prototype.
const internals = { __proto__: null };

// --- internal modules (embedded sources, CommonJS-shaped) -------------------
// The module function is called through the captured Reflect.apply, never a
// lookup a script could have replaced (Function.prototype.call was the way
// a script once received `binding` here).
function internalRequire(name) {
  let mod = MapPrototypeGet(internalCache, name);
  if (mod) return mod.exports;
  const source = builtinsBinding.internalSource(name);
  if (source === undefined) throw new Error('no internal module ' + name);
  mod = { __proto__: null, exports: {} };
  MapPrototypeSet(internalCache, name, mod);
  const fn = builtinsBinding.compileFunction(
      source, 'node:' + name,
      ['exports', 'require', 'module', 'internalBinding', 'internals', 'primordials']);
  ReflectApply(fn, mod.exports,
               [mod.exports, publicRequireBuiltin, mod, internalBinding, internals, primordials]);
  return mod.exports;
}

// util.inspect (a port of Node's, the largest builtin) is loaded on first use:
// most workers only ever print strings and numbers, and an idle worker
// should not carry it. console.log of strings and numbers takes a fast path
// that gives what Node's formatWithOptions gives for them.
let inspectModule;
function loadInspect() {
  if (inspectModule === undefined) {
    inspectModule = builtinsBinding.runScript(builtinsBinding.internalSource('inspect'),
                                      'node:internal/util/inspect')(internalBinding('util'));
    inspectModule.setPublicInspect(inspect);
  }
  return inspectModule;
}
function inspect(value, opts) {
  return Reflect.apply(loadInspect().inspect, undefined, arguments);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
for (const key of ['defaultOptions', 'colors', 'styles']) {
  Object.defineProperty(inspect, key, {
    get() { return loadInspect().inspect[key]; },
    set(value) { loadInspect().inspect[key] = value; },
    enumerable: key !== 'defaultOptions',
    configurable: true,
  });
}
// Strings as they are, numbers as inspect prints them (all but -0), and no
// '%' directives to expand: joined with spaces, as Node does.
function plainArgs(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'string') {
      if (i === 0 && args.length > 1 && a.includes('%')) return false;
    } else if (typeof a !== 'number' || Object.is(a, -0) || (i === 0 && args.length > 1)) {
      return false;
    }
  }
  return true;
}
function joinPlain(args) {
  let out = args.length > 0 ? String(args[0]) : '';
  for (let i = 1; i < args.length; i++) out += ' ' + args[i];
  return out;
}
function format(...args) {
  return plainArgs(args) ? joinPlain(args) : Reflect.apply(loadInspect().format, undefined, args);
}
function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions !== null && typeof inspectOptions === 'object' && plainArgs(args)) {
    return joinPlain(args);
  }
  return Reflect.apply(loadInspect().formatWithOptions, undefined, [inspectOptions, ...args]);
}
Object.assign(internals, { inspect, format, formatWithOptions, loadInspect });

// Node's ERR_INVALID_ARG_TYPE, worded as Node words it ("Received type
// string ('x')", "Received an instance of Map", ...).
function describeReceived(v) {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'function') return 'function ' + (v.name || '<anonymous>');
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return 'an instance of ' + v.constructor.name;
    return inspect(v, { depth: -1 });
  }
  // Node shortens a long string (not other values) to 25 characters.
  const shown = typeof v === 'string' && v.length > 28 ? v.slice(0, 25) + '...' : v;
  return 'type ' + typeof v + ' (' + inspect(shown, { colors: false }) + ')';
}
function invalidArgType(name, expected, actual) {
  // Node's wording: 'The "x" argument', 'The "o.x" property', 'The first argument'.
  const subject = name.endsWith(' argument') ? name
      : '"' + name + '" ' + (name.includes('.') ? 'property' : 'argument');
  const e = new TypeError('The ' + subject + ' must be ' + expected + '. Received ' +
                          describeReceived(actual));
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}
// Node's ERR_OUT_OF_RANGE: integers past 2**32 shown with separators.
function outOfRange(name, range, received) {
  let shown;
  if (Number.isInteger(received) && Math.abs(received) > 2 ** 32) {
    const digits = String(received);
    const start = digits[0] === '-' ? 1 : 0;
    let rest = '';
    let i = digits.length;
    for (; i >= start + 4; i -= 3) rest = '_' + digits.slice(i - 3, i) + rest;
    shown = digits.slice(0, i) + rest;
  } else {
    shown = inspect(received);
  }
  const e = new RangeError('The value of "' + name + '" is out of range. It must be ' + range +
                           '. Received ' + shown);
  e.code = 'ERR_OUT_OF_RANGE';
  return e;
}
// Node's ERR_MISSING_ARGS: 'The "a" argument' or 'The "a" and "b" arguments'.
function missingArgs(...names) {
  const what = names.length === 1 ? `The "${names[0]}" argument`
                                  : `The "${names[0]}" and "${names[1]}" arguments`;
  const e = new TypeError(`${what} must be specified`);
  e.code = 'ERR_MISSING_ARGS';
  return e;
}
// Node's check of an options.signal: anything with `aborted` passes (islet's
// own AbortSignal, or a look-alike).
function checkAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}
// Node's AbortError, its cause the signal's reason.
function abortError(signal) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  e.cause = signal.reason;
  return e;
}
// Node's internal errors (ERR_*): `code` an own property, the stack and
// toString reading 'Error [CODE]: message', `name` the base's. Made while
// scripts run, so only captured built-ins are used.
const nodeErrorClasses = new SafeMap();
function nodeError(Base, code, message) {
  let Class = MapPrototypeGet(nodeErrorClasses, Base);
  if (Class === undefined) {
    Class = class extends Base {
      toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    };
    ObjectDefineProperty(Class, 'name', { __proto__: null, value: Base.name });
    MapPrototypeSet(nodeErrorClasses, Base, Class);
  }
  const err = new Class(message);
  const own = (key, value) => ObjectDefineProperty(err, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
  // V8 writes the stack's first line from the name when the stack is first
  // read: read it under the decorated name, then drop the own name.
  own('name', `${Base.name} [${code}]`);
  try {
    void err.stack;
  } catch {
    // a script's Error.prepareStackTrace threw: the stack is its business
  }
  delete err.name;
  own('code', code);
  return err;
}
Object.assign(internals, {
  describeReceived, invalidArgType, outOfRange, missingArgs, checkAbortSignal, abortError,
  nodeError,
});

// --- process ------------------------------------------------------------------
const EventEmitter = internalRequire('events');
const process = new EventEmitter();
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });
// What this worker is (filename, argv, ids): set by initWorker, because the
// environment is built ahead of time, before the worker it will serve exists.
const info = { __proto__: null };
function initWorker() {
  wrapWebAssembly();
  Object.assign(info, processBinding.workerInfo());
  process.versions.islet = info.isletVersion;
  process.pid = info.pid;
  process.ppid = info.pid;
  process.argv = ['/usr/bin/islet', info.filename, ...info.argv];
  perfOrigin = info.timeOriginNs;
  global.performance.timeOrigin = info.timeOriginMs;
  loadBuiltin('worker_threads');
  internals.workerThreads.init();
}
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

// --- nextTick and microtasks --------------------------------------------------
const tickQueue = [];
let tickHead = 0;
// Read by the native turn loop: [0] is 1 while nextTick callbacks wait.
const tickInfo = new Int32Array(1);
process.nextTick = function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    throw invalidArgType('callback', 'of type function', callback);
  }
  if (process._exiting) return;
  tickQueue.push(args.length ? () => callback(...args) : callback);
  tickInfo[0] = 1;
};

// As Node's processTicksAndRejections: the whole nextTick queue, then the
// microtasks, until both are empty.
function runTicks() {
  do {
    while (tickHead < tickQueue.length) {
      const cb = tickQueue[tickHead];
      tickQueue[tickHead++] = undefined;
      cb();
    }
    tickQueue.length = 0;
    tickHead = 0;
    tickInfo[0] = 0;
    taskQueueBinding.runMicrotasks();
  } while (tickQueue.length > 0);
}

global.queueMicrotask = function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    throw invalidArgType('callback', 'of type function', callback);
  }
  // An error thrown by the callback is an uncaught exception, as in Node
  // ('uncaughtException' listeners, else fatal); V8 alone would drop it.
  taskQueueBinding.enqueueMicrotask(() => {
    try {
      callback();
    } catch (err) {
      processBinding.reportUncaught(err);
    }
  });
};

// --- timers -------------------------------------------------------------------
const TIMEOUT_MAX = 2 ** 31 - 1;
const timers = new Map();  // id -> Timeout
let nextTimerId = 1;

class Timeout {
  constructor(callback, after, args, repeat) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1;
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = repeat ? after : null;
    this._destroyed = false;
    this._refed = true;
    this._id = nextTimerId++;
    timers.set(this._id, this);
    taskQueueBinding.timerStart(this._id, after, true);
  }
  ref() {
    if (!this._refed && !this._destroyed) taskQueueBinding.timerRef(this._id, true);
    this._refed = true;
    return this;
  }
  unref() {
    if (this._refed && !this._destroyed) taskQueueBinding.timerRef(this._id, false);
    this._refed = false;
    return this;
  }
  hasRef() { return this._refed; }
  refresh() {
    if (!this._destroyed) taskQueueBinding.timerStart(this._id, this._idleTimeout, this._refed);
    return this;
  }
  close() {
    clearTimeout(this);
    return this;
  }
  [Symbol.toPrimitive]() { return this._id; }
}

function fireTimer(id) {
  const t = timers.get(id);
  if (t === undefined) return;
  if (t._repeat === null) {
    timers.delete(id);
    t._destroyed = true;
  }
  try {
    const args = t._timerArgs;
    if (args === undefined) t._onTimeout();
    else t._onTimeout(...args);
  } finally {
    if (t._repeat !== null && !t._destroyed) taskQueueBinding.timerStart(id, t._repeat, t._refed);
  }
}

function checkCallback(callback) {
  if (typeof callback !== 'function') {
    throw invalidArgType('callback', 'of type function', callback);
  }
}

global.setTimeout = function setTimeout(callback, after, ...args) {
  checkCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false);
};
global.setInterval = function setInterval(callback, repeat, ...args) {
  checkCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true);
};
function clearTimer(timer) {
  if (timer === null || timer === undefined) return;
  let id;
  if (timer instanceof Timeout) id = timer._id;
  else if (typeof timer === 'number' || typeof timer === 'string') id = Number(timer);
  else return;
  const t = timers.get(id);
  if (t === undefined) return;
  timers.delete(id);
  t._destroyed = true;
  taskQueueBinding.timerStop(id);
}
global.clearTimeout = clearTimer;
global.clearInterval = clearTimer;
const kPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(global.setTimeout, kPromisify, {
  value: (after, value) => new Promise((resolve) => global.setTimeout(resolve, after, value)),
  configurable: true,
});

// Immediates run in the loop's check phase; those queued while running wait
// for the next iteration, as in Node.
let immediateQueue = [];
let immediateRefs = 0;
class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this._refed = true;
    ++immediateRefs;
    immediateQueue.push(this);
    taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
  }
  ref() {
    if (!this._refed && !this._destroyed) {
      ++immediateRefs;
      taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
    }
    this._refed = true;
    return this;
  }
  unref() {
    if (this._refed && !this._destroyed) {
      --immediateRefs;
      taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
    }
    this._refed = false;
    return this;
  }
  hasRef() { return this._refed; }
}
global.setImmediate = function setImmediate(callback, ...args) {
  checkCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
};
Object.defineProperty(global.setImmediate, kPromisify, {
  value: (value) => new Promise((resolve) => global.setImmediate(resolve, value)),
  configurable: true,
});
global.clearImmediate = function clearImmediate(immediate) {
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  immediate._destroyed = true;
  if (immediate._refed) --immediateRefs;
  const i = immediateQueue.indexOf(immediate);
  if (i >= 0) immediateQueue.splice(i, 1);
  taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
};

function runImmediates() {
  const queue = immediateQueue;
  immediateQueue = [];
  taskQueueBinding.immediateState(0, immediateRefs);
  for (let i = 0; i < queue.length; ++i) {
    const im = queue[i];
    if (im._destroyed) continue;
    im._destroyed = true;
    if (im._refed) --immediateRefs;
    taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
    try {
      if (im._argv === undefined) im._onImmediate();
      else im._onImmediate(...im._argv);
    } catch (err) {
      // Put the rest back in front, as Node does, then report.
      immediateQueue = queue.slice(i + 1).concat(immediateQueue);
      taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
      throw err;
    }
    runTicks();
  }
}

// --- console ------------------------------------------------------------------
const counts = new Map();
const timeLabels = new Map();
let groupIndent = '';
function writeLine(fd, text) {
  if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
  processBinding.write(fd, text + '\n');
}
const console = {
  log(...args) { writeLine(1, formatWithOptions({}, ...args)); },
  info(...args) { writeLine(1, formatWithOptions({}, ...args)); },
  debug(...args) { writeLine(1, formatWithOptions({}, ...args)); },
  warn(...args) { writeLine(2, formatWithOptions({}, ...args)); },
  error(...args) { writeLine(2, formatWithOptions({}, ...args)); },
  trace(...args) {
    const err = { name: 'Trace', message: format(...args) };
    Error.captureStackTrace(err, console.trace);
    writeLine(2, err.stack);
  },
  dir(obj, options) { writeLine(1, inspect(obj, { customInspect: false, ...options })); },
  dirxml(...args) { console.log(...args); },
  assert(value, ...args) {
    if (!value) {
      args[0] = 'Assertion failed' + (args.length === 0 ? '' : ': ' + args[0]);
      console.warn(...args);
    }
  },
  count(label = 'default') {
    label = String(label);
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    console.log(label + ': ' + n);
  },
  countReset(label = 'default') { counts.delete(String(label)); },
  group(...args) {
    if (args.length) console.log(...args);
    groupIndent += '  ';
  },
  groupEnd() { groupIndent = groupIndent.slice(0, -2); },
  time(label = 'default') { timeLabels.set(String(label), processBinding.hrtimeNs()); },
  timeEnd(label = 'default') {
    label = String(label);
    const start = timeLabels.get(label);
    if (start === undefined) return;
    timeLabels.delete(label);
    console.log(label + ': ' + formatMs((processBinding.hrtimeNs() - start) / 1e6));
  },
  timeLog(label = 'default', ...data) {
    label = String(label);
    const start = timeLabels.get(label);
    if (start === undefined) return;
    console.log(label + ': ' + formatMs((processBinding.hrtimeNs() - start) / 1e6), ...data);
  },
  table(data) { console.log(data); },
};
console.groupCollapsed = console.group;
function formatMs(ms) {
  if (ms >= 1000) return (ms / 1000).toFixed(3) + 's';
  return ms.toFixed(3) + 'ms';
}
Object.defineProperty(global, 'console', { value: console, writable: true, configurable: true });

// --- WebAssembly ----------------------------------------------------------------
// As in Node, a pending asynchronous compile keeps the worker alive until it
// settles (V8 finishes it through a platform task to this worker). Done per
// worker, by initWorker: V8 installs a fresh WebAssembly object in every
// context it deserializes from the environment snapshot, so wrappers made
// during the bootstrap would not survive into the worker.
function wrapWebAssembly() {
  if (typeof WebAssembly !== 'object') return;
  for (const name of ['compile', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    const wrapped = {
      [name](...args) {
        const promise = ReflectApply(original, this, args);
        messagingBinding.refHandle(1);
        const settle = () => messagingBinding.refHandle(-1);
        PromisePrototypeThen(promise, settle, settle);
        return promise;
      },
    }[name];
    ObjectDefineProperty(wrapped, 'length', { __proto__: null, value: original.length });
    ObjectDefineProperty(WebAssembly, name,
                         { __proto__: null, value: wrapped, writable: true, configurable: true });
  }
}

// The worker's own timers, for builtins that must not see a script's
// replacements of the globals (timers/promises).
internals.timers = {
  setTimeout: global.setTimeout, clearTimeout: clearTimer, setInterval: global.setInterval,
  setImmediate: global.setImmediate, clearImmediate: global.clearImmediate,
};

// --- globals ------------------------------------------------------------------
Object.defineProperty(global, 'process', { value: process, writable: true, configurable: true });
global.global = global;
let perfOrigin = processBinding.hrtimeNs();  // the job's, from initWorker
global.performance = {
  now: () => (processBinding.hrtimeNs() - perfOrigin) / 1e6,
  timeOrigin: Date.now(),
};

// --- CommonJS modules ---------------------------------------------------------
// The public built-in modules, a table without a prototype: a patched
// Array.prototype.includes cannot make an internal module public.
const builtinNames = {
  __proto__: null, events: true, util: true, worker_threads: true, islet: true, timers: true,
  process: true, console: true, path: true, 'path/posix': true, 'timers/promises': true,
  os: true, assert: true, 'assert/strict': true, module: true, 'util/types': true,
};
const isBuiltin = (name) => typeof name === 'string' && builtinNames[name] === true;
const builtinCache = new SafeMap();
function loadBuiltin(name) {
  if (MapPrototypeHas(builtinCache, name)) return MapPrototypeGet(builtinCache, name);
  let exports;
  switch (name) {
    case 'process': exports = process; break;
    case 'console': exports = console; break;
    case 'timers':
      exports = { setTimeout: global.setTimeout, clearTimeout, setInterval: global.setInterval,
                  clearInterval: clearTimer, setImmediate: global.setImmediate,
                  clearImmediate: global.clearImmediate };
      Object.defineProperty(exports, 'promises', {
        get() { return loadBuiltin('timers/promises'); }, enumerable: true, configurable: true,
      });
      break;
    case 'util':
      exports = internalRequire('util');
      break;
    case 'util/types':
      exports = internalRequire('util').types;
      break;
    case 'path/posix':
      exports = internalRequire('path');
      break;
    case 'timers/promises':
      exports = internalRequire('timers_promises');
      break;
    case 'assert/strict':
      exports = internalRequire('assert').strict;
      break;
    case 'module':
      exports = internalRequire('cjs_loader').Module;
      break;
    default:
      exports = internalRequire(name);
  }
  MapPrototypeSet(builtinCache, name, exports);
  return exports;
}

function publicRequireBuiltin(id) {
  const name = StringPrototypeStartsWith(id, 'node:') ? StringPrototypeSlice(id, 5) : id;
  if (isBuiltin(name)) return loadBuiltin(name);
  const err = new Error("Cannot find module '" + id + "'");
  err.code = 'MODULE_NOT_FOUND';
  throw err;
}

Object.assign(internals, {
  inspect, format, formatWithOptions, EventEmitter, process, runTicks, info, loadBuiltin,
  loadInspect, internalRequire, builtinNames,
});

internals.isBuiltin = isBuiltin;
// isletd --expose-internals ('islet:internal/binding'): every native
// function in one object, util.types' predicates as `types`, for debugging
// islet.
internals.allNativeFunctions = () => {
  const all = { __proto__: null };
  const names = ObjectKeys(bindings);
  for (let i = 0; i < names.length; i++) {
    if (names[i] === 'types') all.types = bindings.types;
    else ObjectAssign(all, bindings[names[i]]);
  }
  return all;
};

// ES modules (runtime/js/esm_loader.js), loaded the first time a worker
// imports one.
let esmLoader;
function esm() {
  if (esmLoader === undefined) esmLoader = internalRequire('esm_loader');
  return esmLoader;
}
internals.esm = esm;
// cjs-module-lexer (npm, MIT; third_party/npm): the names a CommonJS file
// exports, for `import { name }`. It runs with nothing of islet's in scope.
let cjsLexer;
internals.cjsLexer = () => {
  if (cjsLexer === undefined) {
    const fn = builtinsBinding.compileFunction(builtinsBinding.internalSource('cjs_module_lexer'),
                                       'node:internal/deps/cjs-module-lexer/lexer',
                                       ['module', 'exports']);
    const mod = { __proto__: null, exports: {} };
    ReflectApply(fn, undefined, [mod, mod.exports]);
    cjsLexer = mod.exports;
  }
  return cjsLexer;
};

// require() for the job's files: islet's CommonJS loader (runtime/js/cjs_loader.js;
// cjs_package_maps.js on first use). Loaded now, while the environment is
// prepared ahead of time.
const cjsLoader = internalRequire('cjs_loader');
// worker_threads: the bundle file a Worker's file name stands for.
internals.resolveBundleFile = cjsLoader.resolveBundleFile;

// MessageChannel & co. are globals in Node 20.
const messaging = internalRequire('messaging');
for (const name of ['MessageChannel', 'MessagePort', 'MessageEvent', 'DOMException',
                    'structuredClone']) {
  Object.defineProperty(global, name, { value: messaging[name], writable: true,
                                        configurable: true, enumerable: false });
}
// Globals made on first use, so that a worker that never touches them
// does not carry their code.
function lazyGlobal(name, load) {
  const define = (value) => Object.defineProperty(global, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(global, name, {
    get() {
      const value = load();
      define(value);
      return value;
    },
    set: define,
    configurable: true,
    enumerable: false,
  });
}
for (const name of ['TextEncoder', 'TextDecoder', 'atob', 'btoa']) {
  lazyGlobal(name, () => internalRequire('encoding')[name]);
}
for (const name of ['EventTarget', 'Event', 'CustomEvent', 'AbortController', 'AbortSignal']) {
  lazyGlobal(name, () => internalRequire('event_target')[name]);
}
Object.defineProperty(global, 'BroadcastChannel', {
  get() { return loadBuiltin('worker_threads').BroadcastChannel; },
  set(v) { Object.defineProperty(global, 'BroadcastChannel', { value: v, writable: true }); },
  configurable: true, enumerable: false,
});

// Runs the worker's code: its main module, or its eval'd script.
function runMain() {
  // import() from any of the worker's code, and import.meta.
  modulesBinding.setModuleHooks(
      (specifier, referrer, type, key, value) =>
        esm().importDynamic(specifier, referrer, type, key, value),
      (meta, id) => esm().initImportMeta(meta, id));
  if (!info.isEval && esm().isModuleFile(info.filename)) {
    // A rejected evaluation (a throw, a rejected top-level await) is an
    // uncaught error from the 'unhandledRejection' origin, as in Node.
    const evaluation = esm().runMain(info.filename);
    PromisePrototypeThen(evaluation, undefined, (err) => {
      if (!handleUncaught(err, 'unhandledRejection')) processBinding.reportUncaught(err);
    });
    return;
  }
  cjsLoader.runMain();
}

// --- uncaught errors ------------------------------------------------------------
// Returns true when a process 'uncaughtException' listener handled it.
function handleUncaught(err, origin) {
  if (process.listenerCount('uncaughtException') === 0) return false;
  process.emit('uncaughtException', err, origin || 'uncaughtException');
  return true;
}

// Returns undefined when handled, else the error to report as fatal.
function unhandledRejection(reason, promise) {
  if (process.listenerCount('unhandledRejection') > 0) {
    process.emit('unhandledRejection', reason, promise);
    return undefined;
  }
  // Node 20's default mode: an unhandled rejection becomes an uncaught error.
  let err = reason;
  if (!(reason instanceof Error)) {
    err = new Error('This error originated either by throwing inside of an async function ' +
                    'without a catch block, or by rejecting a promise which was not handled ' +
                    'with .catch(). The promise rejected with the reason "' +
                    inspect(reason) + '".');
    err.name = 'UnhandledPromiseRejection';
    err.code = 'ERR_UNHANDLED_REJECTION';
    err.stack = '';
  }
  return handleUncaught(err, 'unhandledRejection') ? undefined : err;
}

// What is printed for an uncaught error: Node prints the error through
// inspect (its stack plus extra properties).
function describeError(err) {
  try {
    if (err instanceof Error) return inspect(err);
    return 'Uncaught ' + inspect(err);
  } catch {
    return String(err);
  }
}

function beforeExit() {
  process.emit('beforeExit', exitCodeNumber());
}

function emitExit(code) {
  if (code !== undefined) process.exitCode = code;
  // A main module whose top-level await nothing settled: Node exits with 13
  // (its 'exit' listeners see the code the script set, else 0).
  const unsettled = code === undefined && esmLoader !== undefined && esmLoader.mainPending() &&
                    process.exitCode === undefined;
  if (!process._exiting) {
    process._exiting = true;
    const argument = exitCodeNumber();
    if (unsettled) {
      processBinding.write(2, 'Warning: Detected unsettled top-level await in ' + info.filename + '\n');
      process.exitCode = 13;
    }
    process.emit('exit', argument);
  }
  return exitCodeNumber();
}

// A child's uncaught error crosses to its parent as plain data (name,
// message, stack and own properties, as Node's error serializer keeps them).
const kErrorMarker = '__isletSerializedError';
const kSymbolMarker = '__isletSerializedSymbol';
// An error a worker did not catch travels to its parent as Node's
// error_serdes sends it: an error whose prototype chain holds one of the
// standard constructors arrives as that constructor, with every property
// found along the chain (values only: no accessors, no functions) as its
// own, its stack decorated with the source line it was thrown from
// (`arrow`, as Node decorates it). Anything else is cloned, else inspected.
const standardErrors = { Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError,
                         EvalError };
function standardErrorName(err) {
  for (let o = err; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    const name = d && d.value && Object.getOwnPropertyDescriptor(d.value, 'name');
    if (name && Object.prototype.hasOwnProperty.call(standardErrors, name.value)) {
      return name.value;
    }
  }
  return undefined;
}
function allProperties(object, target) {
  const all = object === null ? {} : allProperties(Object.getPrototypeOf(object), target);
  if (object === null) return all;
  for (const key of Object.getOwnPropertyNames(object)) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(object, key); } catch { continue; }
    if (d.get && key !== '__proto__') {
      try { d.value = Reflect.apply(d.get, target, []); } catch {}
    }
    if ('value' in d && typeof d.value !== 'function') {
      all[key] = { value: d.value, writable: !!d.writable, enumerable: !!d.enumerable,
                   configurable: !!d.configurable };
    }
  }
  return all;
}
function errorForParent(err, arrow) {
  try {
    if (typeof err === 'object' && err !== null &&
        Object.prototype.toString.call(err) === '[object Error]') {
      const ctor = standardErrorName(err);
      if (ctor !== undefined) {
        if (arrow && typeof err.stack === 'string') err.stack = arrow + '\n' + err.stack;
        const payload = { [kErrorMarker]: true, ctor, properties: allProperties(err, err) };
        messaging.structuredClone(payload);  // throws if something in it cannot travel
        return payload;
      }
    }
  } catch {}
  // A symbol arrives as the registered symbol of its description, as Node's
  // kInspectedSymbol makes it (Symbol.for, '' for none).
  if (typeof err === 'symbol') return { [kSymbolMarker]: true, description: err.description ?? '' };
  try {
    return messaging.structuredClone(err);
  } catch {
    return inspect(err);
  }
}
function reviveError(value) {
  if (value !== null && typeof value === 'object' && value[kSymbolMarker] === true) {
    return Symbol.for(value.description);
  }
  if (value === null || typeof value !== 'object' || value[kErrorMarker] !== true) return value;
  const properties = value.properties;
  properties[Symbol.toStringTag] = { value: 'Error', configurable: true };
  return Object.create(standardErrors[value.ctor].prototype, properties);
}

// Loaded now, while the environment is prepared ahead of time (its compile
// would otherwise sit on every spawn's path); initWorker fills it in.
const workerThreads = loadBuiltin('worker_threads');
const workerHooks = () => internals.workerThreads.hooks;
return {
  __proto__: null,
  tickInfo, initWorker, runMain, fireTimer, runImmediates, runTicks, handleUncaught, unhandledRejection,
  describeError, beforeExit, emitExit, internals,
  ...messaging.hooks,
  onWorkerOnline: (id) => workerHooks().onWorkerOnline(id),
  onWorkerError: (id, error) => workerHooks().onWorkerError(id, reviveError(error)),
  errorForParent,
  // A signal from the control plane (Terminate with a grace period): true if
  // the script listens for it, as Node's process.on('SIGTERM') does.
  onSignal(name) {
    if (process.listenerCount(name) === 0) return false;
    process.emit(name, name);
    return true;
  },
  onControlMessage(json) {
    loadBuiltin('islet');
    internals.isletControl.deliver(json);
  },
  onWorkerFailure(id, code, message) {
    const err = new Error(message);
    err.code = code;
    workerHooks().onWorkerError(id, err);
  },
  onWorkerExit: (id, code) => workerHooks().onWorkerExit(id, code),
};
})
