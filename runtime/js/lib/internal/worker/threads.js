// node:worker_threads on islet's actors: Worker, MessageChannel/MessagePort
// (internal 'messaging'), BroadcastChannel, environment data.
'use strict';
const workerBinding = internalBinding('worker');
const messagingBinding = internalBinding('messaging');

const EventEmitter = require('events');
const { info, process } = require('internal/process');
const { inspect } = require('internal/util/format');
const { invalidArgType, missingArgs } = require('internal/errors');
const { bundlePath } = require('internal/bundle_path');
const messaging = require('internal/messaging');
const { MessagePort, makePort, startPort, kState } = messaging;

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kPort = Symbol('kPort');
const kWorkerId = Symbol('kWorkerId');
const kRefed = Symbol('kRefed');
const kHandleRef = Symbol('kHandleRef');
const kPortRef = Symbol('kPortRef');
const kExited = Symbol('kExited');
const kTerminations = Symbol('kTerminations');
const kLimits = Symbol('kLimits');

const environmentData = new Map();
const workers = new Map();  // threadId -> Worker, while running


// Node copies a Worker's transferList as an array-like (its length, then
// each index), not as an iterable: a number is an empty list.
function arrayLike(value) {
  const list = Object(value);
  const out = [];
  for (let i = 0; ; i++) {
    const length = Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), 2 ** 53 - 1);
    if (i >= length) return out;
    out.push(list[i]);
  }
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    // As Node: no type check of its own; null fails on the first property
    // read, a primitive reads as no options.
    if (options === null) void options.execArgv;
    if (typeof options !== 'object') options = {};
    // Accepted and not applied: islet has no per-worker Node options.
    if (options.execArgv && !Array.isArray(options.execArgv)) {
      throw invalidArgType('options.execArgv', 'an instance of Array', options.execArgv);
    }
    let file = '';
    let code;
    if (options.eval) {
      if (typeof filename !== 'string') {
        const e = new Error('The "filename" argument must be a string when "eval" is true');
        e.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
        throw e;
      }
      code = filename;
    } else {
      if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
        if (filename.protocol !== 'file:') {
          const e = new TypeError('The URL must be of scheme file');
          e.code = 'ERR_INVALID_URL_SCHEME';
          throw e;
        }
        filename = decodeURIComponent(filename.pathname);
      }
      if (typeof filename !== 'string') {
        throw invalidArgType('filename', 'of type string or an instance of URL', filename);
      }
      if (!filename.startsWith('/') && !filename.startsWith('./') && !filename.startsWith('../')) {
        const e = new TypeError('The worker script or module filename must be an absolute path or ' +
                                "a relative path starting with './' or '../'. Received \"" +
                                filename + '"');
        e.code = 'ERR_WORKER_PATH';
        throw e;
      }
      file = bundlePath(filename.startsWith('/') ? filename : process.cwd() + '/' + filename);
      file = require('internal/modules/cjs/loader').resolveBundleFile(file);
    }
    // Undefined (a copy of this worker's process.env) and SHARE_ENV are done
    // natively: copying through the process.env proxy costs a native call
    // per variable.
    let env;
    if (options.env === undefined || options.env === SHARE_ENV) {
      env = undefined;
    } else if (options.env !== null && typeof options.env === 'object') {
      env = {};
      for (const [k, v] of Object.entries(options.env)) env[k] = String(v);
    } else {
      throw invalidArgType('options.env', 'of type object or one of undefined, null, or ' +
                           'worker_threads.SHARE_ENV', options.env);
    }
    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) throw invalidArgType('options.argv', 'an instance of Array', options.argv);
      argv = options.argv.map(String);
    }
    if (options.name !== undefined && typeof options.name !== 'string') {
      throw invalidArgType('options.name', 'of type string', options.name);
    }
    const limits = options.resourceLimits || {};
    const resourceLimits = {
      maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb ?? -1,
      maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb ?? -1,
      codeRangeSizeMb: limits.codeRangeSizeMb ?? -1,
      stackSizeMb: limits.stackSizeMb ?? 4,
    };
    const [threadId, portId, workerId] = workerBinding.spawnWorker({
      filename: file, code, name: options.name === undefined ? '' : options.name,
      argv, env, shareEnv: options.env === SHARE_ENV, inheritEnv: options.env === undefined,
      limits: options.resourceLimits,
      data: [options.workerData, environmentData, resourceLimits],
      transferList: options.transferList ? arrayLike(options.transferList) : undefined,
    });
    this.threadId = threadId;
    this[kWorkerId] = workerId;
    this[kExited] = false;
    this[kTerminations] = [];
    this[kLimits] = resourceLimits;
    const port = makePort(portId);
    port[kState].internal = true;
    port.on('message', (value) => this.emit('message', value));
    port.on('messageerror', (error) => this.emit('messageerror', error));
    startPort(port);
    this[kPort] = port;
    // A running Worker keeps its parent alive while its handle is ref'ed
    // (until unref()) or its message port is: as in Node (its
    // setupPortReferencing), the port is ref'ed while the Worker has a
    // 'message' listener, from the first one added to the last one removed.
    this[kHandleRef] = true;
    this[kPortRef] = false;
    this[kRefed] = false;
    this.on('newListener', (name) => {
      if (name === 'message' && this.listenerCount('message') === 0) {
        this[kPortRef] = true;
        updateWorkerRef(this);
      }
    });
    this.on('removeListener', (name) => {
      if (name === 'message' && this.listenerCount('message') === 0) {
        this[kPortRef] = false;
        updateWorkerRef(this);
      }
    });
    updateWorkerRef(this);
    workers.set(threadId, this);
  }

  postMessage(...args) {
    if (this[kExited]) return;
    this[kPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
                          'It returns a Promise instead.', 'DeprecationWarning');
    }
    if (this[kExited]) return Promise.resolve(undefined);
    const p = new Promise((resolve) => this[kTerminations].push(resolve));
    if (typeof callback === 'function') p.then((code) => callback(null, code));
    workerBinding.terminateWorker(this[kWorkerId]);
    return p;
  }

  ref() {
    this[kHandleRef] = this[kPortRef] = true;
    updateWorkerRef(this);
  }

  unref() {
    this[kHandleRef] = this[kPortRef] = false;
    updateWorkerRef(this);
  }

  get resourceLimits() { return this[kExited] ? {} : this[kLimits]; }

  get stdin() { return null; }
  get stdout() { return null; }
  get stderr() { return null; }

  getHeapSnapshot() {
    const e = new Error('getHeapSnapshot is not supported by islet');
    e.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
    return Promise.reject(e);
  }
}

// kRefed: whether this Worker counts as a live handle of its parent.
function updateWorkerRef(w) {
  const want = !w[kExited] && (w[kHandleRef] || w[kPortRef]);
  if (want === w[kRefed]) return;
  w[kRefed] = want;
  messagingBinding.refHandle(want ? 1 : -1);
}

function onWorkerOnline(threadId) {
  const w = workers.get(threadId);
  if (w !== undefined) w.emit('online');
}

function onWorkerError(threadId, error) {
  const w = workers.get(threadId);
  if (w !== undefined) w.emit('error', error);
}

function onWorkerExit(threadId, code) {
  const w = workers.get(threadId);
  if (w === undefined) return;
  workers.delete(threadId);
  w[kExited] = true;
  updateWorkerRef(w);
  const port = w[kPort];
  port[kState].closed = true;
  port.removeAllListeners();
  w.threadId = -1;
  const terminations = w[kTerminations];
  w[kTerminations] = [];
  try {
    w.emit('exit', code);
  } finally {
    for (const resolve of terminations) resolve(code);
  }
}

// --- BroadcastChannel ------------------------------------------------------------
// Every BroadcastChannel of one name in a job receives what the others post,
// in order. Delivery goes through a MessagePort pair per channel object,
// whose far side is held by the job's broadcast hub (native).
const kBcPort = Symbol('kBcPort');
const kBcClosed = Symbol('kBcClosed');
class BroadcastChannel extends EventEmitter {
  constructor(name) {
    if (arguments.length === 0) throw missingArgs('name');
    super();
    Object.defineProperty(this, 'name', { value: String(name), enumerable: true });
    const port = makePort(workerBinding.broadcastJoin(this.name));
    this[kBcPort] = port;
    this[kBcClosed] = false;
    port.on('message', (value) => {
      if (!this[kBcClosed]) this.emit('message', value);
    });
    port.on('messageerror', (error) => this.emit('messageerror', error));
    startPort(port);
  }
  postMessage(...args) {
    if (args.length === 0) throw missingArgs('message');
    if (this[kBcClosed]) {
      throw new messaging.DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    this[kBcPort].postMessage(args[0]);
  }
  close() {
    if (this[kBcClosed]) return;
    this[kBcClosed] = true;
    this[kBcPort].close();
  }
  ref() { this[kBcPort].ref(); return this; }
  unref() { this[kBcPort].unref(); return this; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return 'BroadcastChannel';
    return 'BroadcastChannel ' + inspect({ name: this.name, active: !this[kBcClosed] },
                                         { ...options, depth: options.depth == null ? null : options.depth - 1 });
  }
}
messaging.installEventTarget(BroadcastChannel.prototype, (channel, type, value) =>
  new messaging.MessageEvent(type, { data: value, target: channel }));

// --- environment data --------------------------------------------------------------
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}
function getEnvironmentData(key) {
  return environmentData.get(key);
}

module.exports = {
  isMainThread: true,
  parentPort: null,
  workerData: null,
  threadId: 0,
  resourceLimits: {},
  SHARE_ENV,
  Worker,
  MessageChannel: messaging.MessageChannel,
  MessagePort,
  BroadcastChannel,
  receiveMessageOnPort: messaging.receiveMessageOnPort,
  markAsUntransferable: messaging.markAsUntransferable,
  getEnvironmentData,
  setEnvironmentData,
};

// The module is loaded while the environment is prepared ahead of time; what
// depends on the worker it ends up serving is filled in here, before any user
// code runs.
function init() {
  const exports = module.exports.api;
  exports.isMainThread = info.isMainThread;
  exports.threadId = info.threadId;
  if (!info.isMainThread) {
    const data = workerBinding.takeWorkerInit();
    if (data !== undefined) {
      exports.workerData = data[0];
      for (const [k, v] of data[1]) environmentData.set(k, v);
      exports.resourceLimits = data[2];
    }
    exports.parentPort = makePort(info.parentPort);
  }
}

module.exports = {
  api: module.exports,
  // For internal/bootstrap/node, never on the public module.
  init,
  hooks: { __proto__: null, onWorkerOnline, onWorkerError, onWorkerExit },
};
