// node:events - EventEmitter with Node's semantics (listener order, once,
// prepend, 'newListener'/'removeListener', an unhandled 'error' throws).
'use strict';
const {
  abortError, checkAbortSignal, invalidArgType, outOfRange,
} = require('internal/errors');

const kCapture = Symbol('kCapture');

function checkListener(listener) {
  if (typeof listener !== 'function') {
    throw invalidArgType('listener', 'of type function', listener);
  }
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');

EventEmitter.init = function(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts && opts.captureRejections) this[kCapture] = true;
};

EventEmitter.prototype.setMaxListeners = function(n) {
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function() {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};

EventEmitter.prototype.emit = function(type, ...args) {
  const events = this._events;
  if (type === 'error' && events !== undefined && events[EventEmitter.errorMonitor] !== undefined) {
    this.emit(EventEmitter.errorMonitor, ...args);
  }
  const handler = events !== undefined ? events[type] : undefined;
  if (handler === undefined) {
    if (type === 'error') {
      const er = args[0];
      if (er instanceof Error) throw er;
      const err = new Error('Unhandled error. (' + (typeof er === 'string' ? "'" + er + "'" : String(er)) + ')');
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = er;
      throw err;
    }
    return false;
  }
  if (typeof handler === 'function') {
    Reflect.apply(handler, this, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; ++i) Reflect.apply(listeners[i], this, args);
  }
  return true;
};

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else if (typeof existing === 'function') {
    events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  return target;
}

EventEmitter.prototype.addListener = function(type, listener) {
  return addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function(type, listener) {
  return addListener(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return Reflect.apply(this.listener, this.target, arguments);
  }
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    if (--this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  return unwrap ? l.map((f) => f.listener || f) : l.slice();
}

EventEmitter.prototype.listeners = function(type) { return listeners(this, type, true); };
EventEmitter.prototype.rawListeners = function(type) { return listeners(this, type, false); };
EventEmitter.prototype.listenerCount = function(type) {
  const events = this._events;
  if (events === undefined) return 0;
  const l = events[type];
  if (l === undefined) return 0;
  return typeof l === 'function' ? 1 : l.length;
};
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
EventEmitter.prototype.eventNames = function() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

EventEmitter.once = function(emitter, name) {
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      reject(err);
    };
    const resolver = (...args) => {
      if (name !== 'error') emitter.removeListener('error', errorListener);
      resolve(args);
    };
    emitter.once(name, resolver);
    if (name !== 'error') emitter.once('error', errorListener);
  });
};

// events.on(emitter, name[, options]): an async iterator of the arguments
// of each `name` event, as Node's: events not yet asked for wait in a queue
// (with highWaterMark, the emitter is paused past it and resumed below
// lowWaterMark), an 'error' event rejects the next request and ends the
// iteration, and so do `options.close` events and an aborted signal.
const AsyncIteratorPrototype =
    Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
EventEmitter.on = function on(emitter, event, options = {}) {
  const signal = options.signal;  // as Node 20: null fails here, unchecked
  checkAbortSignal(signal, 'options.signal');
  if (signal !== undefined && signal.aborted) throw abortError(signal);
  const watermark = (value, name) => {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < 1 || value > Number.MAX_SAFE_INTEGER) {
      throw outOfRange(name, '>= 1 && <= ' + Number.MAX_SAFE_INTEGER, value);
    }
    return value;
  };
  const highWatermark = watermark(
      options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER,
      'options.highWaterMark');
  const lowWatermark = watermark(options.lowWaterMark ?? options.lowWatermark ?? 1,
                                 'options.lowWaterMark');

  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  const added = [];  // [target, name, listener]
  const listen = (name, listener) => {
    if (typeof emitter.on === 'function') {
      emitter.on(name, listener);
    } else if (typeof emitter.addEventListener === 'function') {
      emitter.addEventListener(name, listener);
    } else {
      throw invalidArgType('emitter', 'an instance of EventEmitter', emitter);
    }
    added.push([name, listener]);
  };
  const removeAll = () => {
    while (added.length > 0) {
      const [name, listener] = added.pop();
      if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
      else emitter.removeEventListener(name, listener);
    }
  };
  const done = () => ({ value: undefined, done: true });
  const closeHandler = () => {
    if (signal !== undefined) signal.removeEventListener('abort', abortListener);
    removeAll();
    finished = true;
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(done());
    return Promise.resolve(done());
  };
  const errorHandler = (err) => {
    if (unconsumedPromises.length === 0) error = err;
    else unconsumedPromises.shift().reject(err);
    closeHandler();
  };
  const eventHandler = (value) => {
    if (unconsumedPromises.length === 0) {
      unconsumedEvents.push(value);
      if (!paused && unconsumedEvents.length > highWatermark) {
        paused = true;
        emitter.pause();
      }
    } else {
      unconsumedPromises.shift().resolve({ value, done: false });
    }
  };
  function abortListener() { errorHandler(abortError(signal)); }

  const iterator = Object.setPrototypeOf({
    next() {
      if (unconsumedEvents.length > 0) {
        const value = unconsumedEvents.shift();
        if (paused && unconsumedEvents.length < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;  // only the first request after it rejects
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
    },
    return() { return closeHandler(); },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw invalidArgType('EventEmitter.AsyncIterator', 'an instance of Error', err);
      }
      errorHandler(err);
    },
    [Symbol.asyncIterator]() { return this; },
  }, AsyncIteratorPrototype);

  listen(event, (...args) => eventHandler(args));
  if (event !== 'error' && typeof emitter.on === 'function') listen('error', errorHandler);
  const closeEvents = options.close;
  if (closeEvents && closeEvents.length) {
    for (let i = 0; i < closeEvents.length; i++) listen(closeEvents[i], closeHandler);
  }
  if (signal !== undefined) signal.addEventListener('abort', abortListener, { once: true });
  return iterator;
};

// getEventListeners / getMaxListeners / setMaxListeners over an emitter or
// an EventTarget (loaded only if one is met).
function eventTargetInternals(value) {
  if (typeof globalThis.EventTarget !== 'function' || !(value instanceof globalThis.EventTarget)) {
    return undefined;
  }
  return require('internal/event_target').internal;
}
function notAnEmitter(value) {
  return invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', value);
}
EventEmitter.getEventListeners = function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget?.listeners === 'function') return emitterOrTarget.listeners(type);
  const et = eventTargetInternals(emitterOrTarget);
  if (et !== undefined) return et.listeners(emitterOrTarget, type);
  throw notAnEmitter(emitterOrTarget);
};
EventEmitter.getMaxListeners = function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return emitterOrTarget.getMaxListeners();
  }
  const et = eventTargetInternals(emitterOrTarget);
  if (et !== undefined) return et.getMaxListeners(emitterOrTarget);
  throw notAnEmitter(emitterOrTarget);
};
EventEmitter.setMaxListeners = function setMaxListeners(
    n = EventEmitter.defaultMaxListeners, ...eventTargets) {
  if (typeof n !== 'number') throw invalidArgType('setMaxListeners', 'of type number', n);
  if (n < 0 || Number.isNaN(n)) throw outOfRange('setMaxListeners', '>= 0', n);
  if (eventTargets.length === 0) {
    EventEmitter.defaultMaxListeners = n;
    return;
  }
  for (const target of eventTargets) {
    const et = eventTargetInternals(target);
    if (et !== undefined) et.setMaxListeners(target, n);
    else if (typeof target?.setMaxListeners === 'function') target.setMaxListeners(n);
    else throw notAnEmitter(target);
  }
};

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
module.exports = EventEmitter;
