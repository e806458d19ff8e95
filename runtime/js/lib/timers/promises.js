// require('timers/promises'): Node's promise timers, over the worker's own
// timers (captured at bootstrap, so a script that replaces the globals does
// not change them). islet has no AbortController: a signal is accepted if it
// looks like an AbortSignal (an object with `aborted` and
// addEventListener/removeEventListener), and honoured.
'use strict';

const { invalidArgType, checkAbortSignal, abortError } = require('internal/errors');
const { setTimeout: startTimeout, clearTimeout, setInterval: startInterval, setImmediate: queue,
        clearImmediate } = require('internal/timers');

function checkOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw invalidArgType('options', 'of type object', options);
  }
  const { signal, ref = true } = options;
  checkAbortSignal(signal, 'options.signal');
  if (typeof ref !== 'boolean') throw invalidArgType('options.ref', 'of type boolean', ref);
  return { signal, ref };
}

// A promise settled by `start(resolve)`, or rejected with an AbortError when
// `signal` aborts first (then `stop(handle)` cancels the timer).
function cancellable(signal, start, stop) {
  if (signal !== undefined && signal.aborted) return Promise.reject(abortError(signal));
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const handle = start(resolve);
    if (signal !== undefined) {
      onAbort = () => {
        stop(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  if (onAbort === undefined) return promise;
  return promise.finally(() => signal.removeEventListener('abort', onAbort));
}

// A promise of `value` once `start(callback)`'s timer fires (bad options
// reject it, as Node's do).
function promised(options, value, start, stop) {
  let checked;
  try {
    checked = checkOptions(options);
  } catch (e) {
    return Promise.reject(e);
  }
  const { signal, ref } = checked;
  return cancellable(signal, (resolve) => {
    const handle = start(() => resolve(value));
    if (!ref) handle.unref();
    return handle;
  }, stop);
}

function setTimeout(after, value, options = {}) {
  return promised(options, value, (fire) => startTimeout(fire, after), clearTimeout);
}

function setImmediate(value, options = {}) {
  return promised(options, value, (fire) => queue(fire), clearImmediate);
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal !== undefined && signal.aborted) throw abortError(signal);
  let onAbort;
  let interval;
  try {
    let notYielded = 0;
    let wake;
    interval = startInterval(() => {
      notYielded++;
      if (wake !== undefined) {
        wake();
        wake = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal !== undefined) {
      onAbort = () => {
        clearTimeout(interval);
        if (wake !== undefined) {
          wake();
          wake = undefined;
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
    while (signal === undefined || !signal.aborted) {
      if (notYielded === 0) await new Promise((resolve) => { wake = resolve; });
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    clearTimeout(interval);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

class Scheduler {
  yield() { return setImmediate(); }
  wait(delay, options) { return setTimeout(delay, undefined, options); }
}

module.exports = { setTimeout, setImmediate, setInterval, scheduler: new Scheduler() };
