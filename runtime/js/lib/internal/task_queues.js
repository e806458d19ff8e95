// process.nextTick and queueMicrotask, and the drain that runs after every
// callback a turn makes (runTicks).
'use strict';
const taskQueueBinding = internalBinding('task_queue');
const processBinding = internalBinding('process');
const { invalidArgType } = require('internal/errors');
const { process } = require('internal/process');

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

function queueMicrotask(callback) {
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
}

module.exports = { tickInfo, runTicks, queueMicrotask };
