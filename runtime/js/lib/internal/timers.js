// Timers and immediates: setTimeout & co. (the globals and `timers`), and
// the two entry points the turn loop calls, fireTimer and runImmediates.
'use strict';
const taskQueueBinding = internalBinding('task_queue');
const { invalidArgType } = require('internal/errors');
const { runTicks } = require('internal/task_queues');

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

function setTimeout(callback, after, ...args) {
  checkCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false);
}
function setInterval(callback, repeat, ...args) {
  checkCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true);
}
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
const kPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(setTimeout, kPromisify, {
  value: (after, value) => new Promise((resolve) => setTimeout(resolve, after, value)),
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
function setImmediate(callback, ...args) {
  checkCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}
Object.defineProperty(setImmediate, kPromisify, {
  value: (value) => new Promise((resolve) => setImmediate(resolve, value)),
  configurable: true,
});
function clearImmediate(immediate) {
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  immediate._destroyed = true;
  if (immediate._refed) --immediateRefs;
  const i = immediateQueue.indexOf(immediate);
  if (i >= 0) immediateQueue.splice(i, 1);
  taskQueueBinding.immediateState(immediateQueue.length, immediateRefs);
}

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

module.exports = {
  setTimeout, clearTimeout: clearTimer, setInterval, clearInterval: clearTimer, setImmediate,
  clearImmediate, fireTimer, runImmediates, Timeout, Immediate,
};
