// EventTarget, Event, CustomEvent, AbortController and AbortSignal (globals
// in Node 20), after Node's lib/internal/event_target.js and
// abort_controller.js: the same listener list (added during a dispatch is
// called if reached, removed is skipped), the same checks, messages and
// inspect output. A listener that throws is an uncaught exception, raised
// from a later tick, as in Node.
'use strict';

const { invalidArgType, missingArgs, outOfRange } = require('internal/errors');
const { inspect } = require('internal/util/format');
const { DOMException } = require('internal/messaging');
const { setTimeout: startTimeout } = require('internal/timers');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function customInspect(self, shown, depth, options) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const opts = Object.assign({}, options, {
    depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
  });
  return `${name} ${inspect(shown, opts)}`;
}

// --- Event ------------------------------------------------------------------
const kType = Symbol('type');
const kTarget = Symbol('target');
const kDispatching = Symbol('dispatching');
const kStop = Symbol('stop');            // stopImmediatePropagation
const kPropagation = Symbol('propagation');
const kCancelable = Symbol('cancelable');
const kBubbles = Symbol('bubbles');
const kComposed = Symbol('composed');
const kPrevented = Symbol('prevented');
const kTimeStamp = Symbol('timeStamp');

function isEvent(value) {
  return value !== null && typeof value === 'object' && kType in value;
}

class Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    if (options !== undefined && options !== null &&
        typeof options !== 'object' && typeof options !== 'function') {
      throw invalidArgType('options', 'of type object', options);
    }
    const { bubbles, cancelable, composed } = options ?? {};
    this[kType] = `${type}`;
    this[kCancelable] = Boolean(cancelable);
    this[kBubbles] = Boolean(bubbles);
    this[kComposed] = Boolean(composed);
    this[kPrevented] = false;
    this[kTimeStamp] = performance.now();
    this[kPropagation] = false;
    this[kStop] = false;
    this[kTarget] = null;
    this[kDispatching] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw missingArgs('type');
    if (this[kDispatching]) return;
    this[kType] = `${type}`;
    this[kBubbles] = Boolean(bubbles);
    this[kCancelable] = Boolean(cancelable);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      type: this[kType],
      defaultPrevented: this[kPrevented],
      cancelable: this[kCancelable],
      timeStamp: this[kTimeStamp],
    }, depth, options);
  }

  stopImmediatePropagation() { this[kStop] = true; }
  // (Node 20 honours it in a passive listener too.)
  preventDefault() { this[kPrevented] = true; }
  get target() { return this[kTarget]; }
  get currentTarget() { return this[kDispatching] ? this[kTarget] : null; }
  get srcElement() { return this[kTarget]; }
  get type() { return this[kType]; }
  get cancelable() { return this[kCancelable]; }
  get defaultPrevented() { return this[kCancelable] && this[kPrevented]; }
  get timeStamp() { return this[kTimeStamp]; }
  composedPath() { return this[kDispatching] ? [this[kTarget]] : []; }
  get returnValue() { return !this.defaultPrevented; }
  get bubbles() { return this[kBubbles]; }
  get composed() { return this[kComposed]; }
  get eventPhase() { return this[kDispatching] ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { return this[kPropagation]; }
  set cancelBubble(value) { if (value) this.stopPropagation(); }
  stopPropagation() { this[kPropagation] = true; }
  get isTrusted() { return false; }
}
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2],
                             ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });

class CustomEvent extends Event {
  #detail;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }
  get detail() { return this.#detail; }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag,
                      { value: 'CustomEvent', configurable: true });

// --- EventTarget ------------------------------------------------------------
const kEvents = Symbol('kEvents');

// One listener in a type's list: a doubly linked list, as Node's, so that a
// dispatch walking it sees removals at once and additions behind it.
class Listener {
  constructor(root, listener, once, capture, passive) {
    this.next = undefined;
    this.previous = root.last ?? root;
    this.previous.next = this;
    root.last = this;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.removed = false;
  }
  remove(root) {
    this.removed = true;
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    if (root.last === this) root.last = this.previous === root ? undefined : this.previous;
  }
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return {};
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw invalidArgType('options', 'of type object', options);
  }
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
  };
}

function validListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;  // handleEvent is looked up when called
  throw invalidArgType('listener', 'an instance of EventListener', listener);
}

function uncaught(err) {
  process.nextTick(() => { throw err; });
}

class EventTarget {
  constructor() {
    this[kEvents] = new Map();
  }

  addEventListener(type, listener, options = {}) {
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    const { once = false, capture = false, passive = false, signal } = listenerOptions(options);
    if (!validListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = `${type}`;
    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options),
                              { once: true });
    }
    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { next: undefined, last: undefined, size: 0 };
      this[kEvents].set(type, root);
    }
    for (let h = root.next; h !== undefined; h = h.next) {
      if (h.listener === listener && h.capture === capture) return;  // already there
    }
    new Listener(root, listener, once, capture, passive);
    root.size++;
  }

  removeEventListener(type, listener, options = {}) {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    const root = this[kEvents].get(`${type}`);
    if (root === undefined) return;
    for (let h = root.next; h !== undefined; h = h.next) {
      if (h.listener === listener && h.capture === capture) {
        h.remove(root);
        root.size--;
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!(event instanceof Event)) throw invalidArgType('event', 'an instance of Event', event);
    if (event[kDispatching]) {
      const e = new Error(`The event "${event.type}" is already being dispatched`);
      e.code = 'ERR_EVENT_RECURSION';
      throw e;
    }
    event[kTarget] = this;
    event[kDispatching] = true;
    const root = this[kEvents].get(event.type);
    let handler = root?.next;
    while (handler !== undefined && (handler.passive || event[kStop] !== true)) {
      const next = handler.next;  // this one may be removed by its own call
      if (handler.removed) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove(root);
        root.size--;
      }
      try {
        const listener = handler.listener;
        const fn = typeof listener === 'function' ? listener : listener.handleEvent;
        if (typeof fn === 'function') {
          const result = fn.call(typeof listener === 'function' ? this : listener, event);
          // As Node: once a listener has run, the event no longer counts as
          // being dispatched (currentTarget null, eventPhase 0 for the next
          // listeners; it may be dispatched again).
          event[kDispatching] = false;
          if (result !== undefined && result !== null && typeof result.then === 'function') {
            result.then(undefined, uncaught);
          }
        }
      } catch (err) {
        uncaught(err);
      }
      handler = next;
    }
    event[kDispatching] = false;
    return event.defaultPrevented !== true;
  }

  [kInspect](depth, options) {
    return customInspect(this, {}, depth, options);
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag,
                      { value: 'EventTarget', configurable: true });

// --- AbortSignal, AbortController -------------------------------------------
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kOnAbort = Symbol('kOnAbort');
const kConstruct = Symbol('kConstruct');

class AbortSignal extends EventTarget {
  constructor(key = undefined) {
    if (key !== kConstruct) {
      const e = new TypeError('Illegal constructor');
      e.code = 'ERR_ILLEGAL_CONSTRUCTOR';
      throw e;
    }
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }

  get aborted() { return this[kAborted]; }
  get reason() { return this[kReason]; }
  throwIfAborted() {
    if (this[kAborted]) throw this[kReason];
  }

  get onabort() { return this[kOnAbort]?.handler ?? null; }
  set onabort(handler) {
    const slot = this[kOnAbort];
    if (slot !== undefined) {
      slot.handler = handler;
      return;
    }
    // Registered where the attribute is first set, as an event handler is.
    const entry = { handler };
    entry.listener = (event) => {
      if (typeof entry.handler === 'function') return entry.handler.call(this, event);
    };
    this[kOnAbort] = entry;
    this.addEventListener('abort', entry.listener);
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kConstruct);
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    if (typeof delay !== 'number') throw invalidArgType('delay', 'of type number', delay);
    if (!Number.isInteger(delay) || delay < 0 || delay > 4294967295) {
      throw outOfRange('delay', Number.isInteger(delay) ? '>= 0 && <= 4294967295'
                                                                   : 'an integer', delay);
    }
    const signal = new AbortSignal(kConstruct);
    startTimeout(() => abortSignal(signal, new DOMException(
        'The operation was aborted due to timeout', 'TimeoutError')), delay).unref();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw invalidArgType('signals', 'an instance of Array', signals);
    signals.forEach((s, i) => {
      if (!(s instanceof AbortSignal)) {
        throw invalidArgType(`signals[${i}]`, 'an instance of AbortSignal', s);
      }
    });
    const result = new AbortSignal(kConstruct);
    for (const s of signals) {
      if (s.aborted) {
        result[kAborted] = true;
        result[kReason] = s.reason;
        return result;
      }
    }
    for (const s of signals) {
      s.addEventListener('abort', () => abortSignal(result, s.reason), { once: true });
    }
    return result;
  }

  [kInspect](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag,
                      { value: 'AbortSignal', configurable: true });

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort'));
}

class AbortController {
  #signal;
  get signal() {
    this.#signal ??= new AbortSignal(kConstruct);
    return this.#signal;
  }
  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.signal, reason);
  }
  [kInspect](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag,
                      { value: 'AbortController', configurable: true });

// For events.getEventListeners / getMaxListeners / setMaxListeners.
const kMaxListeners = Symbol('kMaxEventTargetListeners');
const internal = {
  isEventTarget: (value) => value instanceof EventTarget,
  listeners(target, type) {
    const out = [];
    for (let h = target[kEvents].get(`${type}`)?.next; h !== undefined; h = h.next) {
      out.push(h.listener);
    }
    return out;
  },
  getMaxListeners: (target) => target[kMaxListeners] ?? 10,
  setMaxListeners(target, n) { target[kMaxListeners] = n; },
};

module.exports = { Event, CustomEvent, EventTarget, AbortController, AbortSignal, internal };
