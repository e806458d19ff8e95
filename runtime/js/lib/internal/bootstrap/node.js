// The environment every worker sees, set up once per context (in the
// environment snapshot, or per isolate without one): the globals, and the
// hooks the native turn loop calls (runMain, fireTimer, runImmediates,
// runTicks, ...: runtime/worker/hooks.h), which are this module's exports.
'use strict';
const processBinding = internalBinding('process');
const messagingBinding = internalBinding('messaging');
const modulesBinding = internalBinding('modules');
const { ObjectDefineProperty, PromisePrototypeThen, ReflectApply } = primordials;

const global = globalThis;
const { process, info, exitCodeNumber } = require('internal/process');
const { tickInfo, runTicks, queueMicrotask } = require('internal/task_queues');
const timers = require('internal/timers');
const console = require('internal/console');
const { inspect } = require('internal/util/format');
const messaging = require('internal/messaging');
const { errorForParent, reviveError } = require('internal/worker/errors');
// require() for the job's files. Loaded now, while the environment is
// prepared ahead of time (in the snapshot).
const cjsLoader = require('internal/modules/cjs/loader');
// Loaded now for the same reason (its compile would otherwise sit on every
// spawn's path); initWorker fills it in.
const workerThreads = require('internal/worker/threads');

// ES modules (internal/modules/esm/loader), loaded the first time a worker
// imports one.
let esmLoader;
function esm() {
  if (esmLoader === undefined) esmLoader = require('internal/modules/esm/loader');
  return esmLoader;
}

// --- globals ------------------------------------------------------------------
const define = (name, value) => ObjectDefineProperty(global, name, {
  __proto__: null, value, writable: true, configurable: true, enumerable: false,
});
define('process', process);
define('console', console);
global.global = global;
global.queueMicrotask = queueMicrotask;
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
                    'setImmediate', 'clearImmediate']) {
  global[name] = timers[name];
}
let perfOrigin = processBinding.hrtimeNs();  // the job's, from initWorker
global.performance = {
  now: () => (processBinding.hrtimeNs() - perfOrigin) / 1e6,
  timeOrigin: Date.now(),
};
// MessageChannel & co. are globals in Node 20.
for (const name of ['MessageChannel', 'MessagePort', 'MessageEvent', 'DOMException',
                    'structuredClone']) {
  define(name, messaging[name]);
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
for (const name of ['URL', 'URLSearchParams']) {
  lazyGlobal(name, () => require('internal/url')[name]);
}
for (const name of ['TextEncoder', 'TextDecoder', 'atob', 'btoa']) {
  lazyGlobal(name, () => require('internal/encoding')[name]);
}
for (const name of ['EventTarget', 'Event', 'CustomEvent', 'AbortController', 'AbortSignal']) {
  lazyGlobal(name, () => require('internal/event_target')[name]);
}
Object.defineProperty(global, 'BroadcastChannel', {
  get() { return require('worker_threads').BroadcastChannel; },
  set(v) { Object.defineProperty(global, 'BroadcastChannel', { value: v, writable: true }); },
  configurable: true, enumerable: false,
});

// --- WebAssembly --------------------------------------------------------------
// As in Node, a pending asynchronous compile keeps the worker alive until it
// settles (V8 finishes it through a platform task to this worker). Done per
// worker, by initWorker: V8 installs a fresh WebAssembly object in every
// context it deserializes from the environment snapshot, so wrappers made
// while the environment is set up would not survive into the worker.
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

// What depends on the worker this environment serves, set when a worker
// adopts it, before any of its code runs.
function initWorker() {
  wrapWebAssembly();
  Object.assign(info, processBinding.workerInfo());
  process.versions.islet = info.isletVersion;
  process.pid = info.pid;
  process.ppid = info.pid;
  process.argv = ['/usr/bin/islet', info.filename, ...info.argv];
  perfOrigin = info.timeOriginNs;
  global.performance.timeOrigin = info.timeOriginMs;
  workerThreads.init();
}

// Runs the worker's code: its main module, or its eval'd script.
function runMain() {
  // import() from any of the worker's code, and import.meta.
  modulesBinding.setModuleHooks(
      (specifier, referrer, type, key, value) =>
        esm().importDynamic(specifier, referrer, type, key, value),
      (meta, id) => esm().initImportMeta(meta, id));
  if (!info.isEval && cjsLoader.isModuleFile(info.filename)) {
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

const workerHooks = workerThreads.hooks;
module.exports = {
  __proto__: null,
  tickInfo, initWorker, runMain, fireTimer: timers.fireTimer, runImmediates: timers.runImmediates,
  runTicks, handleUncaught, unhandledRejection, describeError, beforeExit, emitExit,
  ...messaging.hooks,
  onWorkerOnline: (id) => workerHooks.onWorkerOnline(id),
  onWorkerError: (id, error) => workerHooks.onWorkerError(id, reviveError(error)),
  errorForParent,
  // A signal from the control plane (Terminate with a grace period): true if
  // the script listens for it, as Node's process.on('SIGTERM') does.
  onSignal(name) {
    if (process.listenerCount(name) === 0) return false;
    process.emit(name, name);
    return true;
  },
  onControlMessage(json) {
    require('internal/islet').deliver(json);
  },
  onWorkerFailure(id, code, message) {
    const err = new Error(message);
    err.code = code;
    workerHooks.onWorkerError(id, err);
  },
  onWorkerExit: (id, code) => workerHooks.onWorkerExit(id, code),
};
