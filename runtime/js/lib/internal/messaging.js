// MessagePort, MessageChannel, BroadcastChannel, DOMException and the hooks
// the native side calls to deliver messages (see runtime/worker/worker.cc).
'use strict';
const messagingBinding = internalBinding('messaging');
const typesBinding = internalBinding('types');

const EventEmitter = require('events');
const { inspect } = require('internal/util/format');

// --- DOMException (Node 20 has it as a global) ---------------------------------
const domCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
class DOMException extends Error {
  constructor(message = '', options = 'Error') {
    super(message);
    const name = options !== null && typeof options === 'object' ? String(options.name || 'Error')
                                                                 : String(options);
    Object.defineProperty(this, '_name', { value: name, enumerable: false });
    if (options && typeof options === 'object' && 'cause' in options) {
      Object.defineProperty(this, 'cause', { value: options.cause, writable: true,
                                              configurable: true, enumerable: false });
    }
  }
  get name() { return this._name; }
  get code() { return domCodes[this._name] || 0; }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag,
                      { value: 'DOMException', configurable: true });
// The legacy code constants, on the constructor and the prototype, as Node
// (WebIDL) has them: a fixed table. (Deriving them from domCodes with two
// regexps per name both missed the five legacy ones and made the regexps
// tier up to native code, a quarter of every idle worker's V8 heap.)
const domConstants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR',
  'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR',
  'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR',
  'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR',
  'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];
for (let i = 0; i < domConstants.length; i++) {
  const descriptor = { value: i + 1, enumerable: true, writable: false, configurable: false };
  Object.defineProperty(DOMException, domConstants[i], descriptor);
  Object.defineProperty(DOMException.prototype, domConstants[i], descriptor);
}

function makeDataCloneError(message) {
  const err = new DOMException(message, 'DataCloneError');
  // The stack names the DOMException's kind as Node's does.
  return err;
}

// --- MessagePort ----------------------------------------------------------------
const kId = Symbol('kId');
const kState = Symbol('kState');
const ports = new Map();  // id -> MessagePort owned by this worker
const MessagePort = messagingBinding.MessagePort;
Object.setPrototypeOf(MessagePort.prototype, EventEmitter.prototype);
Object.setPrototypeOf(MessagePort, EventEmitter);

// One dispatch of an event to a target's listeners: the event they share
// and whether one of them stopped it (stopImmediatePropagation).
const kDispatch = Symbol('kDispatch');
const kCancelBubble = Symbol('kCancelBubble');
class MessageEvent {
  constructor(type, init = {}) {
    this.type = String(type);
    this.data = init.data === undefined ? null : init.data;
    this.origin = '';
    this.lastEventId = '';
    this.source = null;
    this.ports = init.ports || [];
    this.target = init.target || null;
    this.currentTarget = this.target;
    this.timeStamp = performance.now();
    this[kDispatch] = undefined;
    this[kCancelBubble] = false;
  }
  // The Event part: a port's events neither bubble nor can be cancelled.
  get bubbles() { return false; }
  get cancelable() { return false; }
  get composed() { return false; }
  get defaultPrevented() { return false; }
  get returnValue() { return true; }
  get isTrusted() { return false; }
  get srcElement() { return this.target; }
  get eventPhase() { return this[kDispatch] !== undefined && this[kDispatch].active ? 2 : 0; }
  get cancelBubble() { return this[kCancelBubble]; }
  set cancelBubble(value) { if (value) this[kCancelBubble] = true; }
  composedPath() {
    return this[kDispatch] !== undefined && this[kDispatch].active ? [this.currentTarget] : [];
  }
  preventDefault() {}  // not cancelable
  stopPropagation() { this[kCancelBubble] = true; }
  stopImmediatePropagation() {
    this[kCancelBubble] = true;
    if (this[kDispatch] !== undefined) this[kDispatch].stopped = true;
  }
}
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag,
                      { value: 'Event', configurable: true });
Object.defineProperties(MessageEvent, {
  NONE: { value: 0, enumerable: true }, CAPTURING_PHASE: { value: 1, enumerable: true },
  AT_TARGET: { value: 2, enumerable: true }, BUBBLING_PHASE: { value: 3, enumerable: true },
});

// Calls `target`'s `type` listeners with `value` as one dispatch: event
// listeners share one event (`event`, or one made from `value` on first
// need), and once one of them calls stopImmediatePropagation, the
// listeners after it (added with on() too) are skipped, as on Node's
// NodeEventTarget.
function dispatch(target, type, value, event) {
  // EventEmitter's own storage: a function for one listener (the common
  // case, with no copy to make), an array for several.
  const handlers = target._events !== undefined ? target._events[type] : undefined;
  if (handlers === undefined) return false;
  const listeners = typeof handlers === 'function' ? [handlers] : handlers.slice();
  const record = { value, event, stopped: false, active: true };
  const outer = target[kDispatch];
  target[kDispatch] = record;
  try {
    for (let i = 0; i < listeners.length; i++) {
      if (record.stopped) break;
      // A listener removed by an earlier one during this dispatch is not
      // called (EventTarget semantics; one listener cannot be).
      if (i > 0 && !target.rawListeners(type).includes(listeners[i])) continue;
      Reflect.apply(listeners[i], target, [value]);
    }
  } finally {
    record.active = false;
    target[kDispatch] = outer;
  }
  return true;
}

function makePort(id) {
  const port = messagingBinding.newPort(id);
  EventEmitter.init.call(port);
  port[kId] = id;
  // refCounted: a started, ref'ed, open port with 'message' listeners keeps
  // its worker alive.
  port[kState] = { started: false, refed: true, counted: false, closed: false, detached: false,
                   internal: false, closing: false };
  ports.set(id, port);
  return port;
}

function updateRef(port) {
  const s = port[kState];
  // A Worker's internal port never counts: the Worker object holds the ref.
  const want = !s.internal && !s.closed && !s.detached && s.refed && s.started &&
               port.listenerCount('message') > 0;
  if (want !== s.counted) {
    s.counted = want;
    messagingBinding.refHandle(want ? 1 : -1);
  }
}

function startPort(port) {
  const s = port[kState];
  if (s.internal) {
    if (!s.started) messagingBinding.portStart(port[kId]);
    s.started = true;
    return;
  }
  if (s.closed || s.detached) return;
  if (!s.started) {
    s.started = true;
    messagingBinding.portStart(port[kId]);
  }
  updateRef(port);
}

function withListenerChange(method) {
  const base = EventEmitter.prototype[method];
  return function(type, listener) {
    base.call(this, type, listener);
    if (type === 'message') startPort(this);
    return this;
  };
}
for (const m of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener']) {
  Object.defineProperty(MessagePort.prototype, m, {
    value: withListenerChange(m), writable: true, configurable: true,
  });
}
// As Node: removing the last 'message' listener stops the port, so what
// arrives meanwhile waits for the next listener instead of being lost.
function stopIfUnheard(port) {
  const s = port[kState];
  if (s.internal || !s.started || s.closed || s.detached) return;
  if (port.listenerCount('message') > 0) return;
  s.started = false;
  messagingBinding.portStop(port[kId]);
}
for (const m of ['off', 'removeListener', 'removeAllListeners']) {
  const base = EventEmitter.prototype[m];
  Object.defineProperty(MessagePort.prototype, m, {
    value: function(...args) {
      base.apply(this, args);
      if (this[kState]) {
        stopIfUnheard(this);
        updateRef(this);
      }
      return this;
    },
    writable: true, configurable: true,
  });
}

// addEventListener & co. over an emitter. `toEvent(target, type, value)`
// makes what an event listener receives from what the emitter emits.
const kHandlers = Symbol('kHandlers');
function installEventTarget(proto, toEvent) {
  const methods = {
    addEventListener(type, listener, options) {
      if (listener === null || listener === undefined) return;
      const once = !!(options && typeof options === 'object' && options.once);
      if (!this[kHandlers]) this[kHandlers] = new Map();
      let byType = this[kHandlers].get(type);
      if (!byType) this[kHandlers].set(type, byType = new Map());
      if (byType.has(listener)) return;
      const target = this;
      const wrapped = function(value) {
        if (once) target.removeEventListener(type, listener);
        const record = target[kDispatch];
        let event;
        if (record !== undefined && record.value === value) {
          if (record.event === undefined) record.event = toEvent(target, type, value);
          event = record.event;
          event[kDispatch] = record;
        } else {
          event = toEvent(target, type, value);
        }
        if (typeof listener === 'function') listener.call(target, event);
        else listener.handleEvent(event);
      };
      byType.set(listener, wrapped);
      this.on(type, wrapped);
    },
    removeEventListener(type, listener) {
      const byType = this[kHandlers] && this[kHandlers].get(type);
      if (!byType || !byType.has(listener)) return;
      this.removeListener(type, byType.get(listener));
      byType.delete(listener);
    },
    dispatchEvent(event) {
      // The event itself goes to every listener, on() ones included.
      dispatch(this, event.type, event, event);
      return true;
    },
  };
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
  for (const type of ['message', 'messageerror']) {
    const slot = Symbol('on' + type);
    Object.defineProperty(proto, 'on' + type, {
      get() { return this[slot] === undefined ? null : this[slot]; },
      // Kept as given (Node reads back a non-function too); only a
      // function listens.
      set(fn) {
        if (typeof this[slot] === 'function') this.removeEventListener(type, this[slot]);
        this[slot] = fn === null ? undefined : fn;
        if (typeof fn === 'function') this.addEventListener(type, fn);
      },
      configurable: true, enumerable: true,
    });
  }
}

// The keys of an ordinary object about to be posted without a transfer
// list: Object.keys reads them from V8's enum cache, several times faster
// than the native side can enumerate them. Only for what the native side
// says is an ordinary object: on a Proxy, Object.keys would run its traps.
// More keys than the fast form can hold (4 KiB, 3 bytes or more a key):
// null tells the native side to go straight to V8's serializer.
const ObjectKeys = Object.keys;
const kFastFormMaxKeys = 1365;
function cloneKeys(value, list) {
  if (typeof value !== 'object' || value === null || (list !== undefined && list.length > 0) ||
      !messagingBinding.isOrdinaryObject(value)) {
    return undefined;
  }
  const keys = ObjectKeys(value);
  return keys.length > kFastFormMaxKeys ? null : keys;
}

const protoMethods = {
  postMessage(value, transfer) {
    if (arguments.length === 0) {
      const e = new TypeError('Not enough arguments to MessagePort.postMessage');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    const list = transferListFrom(transfer, 'transferList', true);
    const s = this[kState];
    if (s.detached) return;
    if (s.closing) {
      messagingBinding.structuredClone(value, list);  // cloned and transferred as a post, then dropped
      return;
    }
    messagingBinding.portPost(this[kId], value, list, cloneKeys(value, list));
  },
  start() { startPort(this); },
  close(callback) {
    // As in Node: a callback is a one-time 'close' listener, added even if
    // the port is already closing; anything else is ignored.
    if (typeof callback === 'function') this.once('close', callback);
    const s = this[kState];
    if (s.closed || s.detached || s.closing) return;
    // As in Node, the channel comes apart when the close completes, in a
    // later turn: until then what the other side posts still arrives here
    // (receiveMessageOnPort reads it); what this side posts is dropped.
    s.closing = true;
    messagingBinding.portClose(this[kId]);
    // The closing side hears its own 'close' even if it never listened for
    // messages, as in Node: drain it, so that its close marker is read
    // (whatever is queued before the marker has no 'message' listener to
    // go to). The other side hears it when it starts.
    if (!s.started) messagingBinding.portStart(this[kId]);
  },
  ref() {
    this[kState].refed = true;
    updateRef(this);
    return this;
  },
  unref() {
    this[kState].refed = false;
    updateRef(this);
    return this;
  },
  hasRef() { return this[kState].counted; },
};
for (const [name, fn] of Object.entries(protoMethods)) {
  Object.defineProperty(MessagePort.prototype, name, { value: fn, writable: true, configurable: true });
}
installEventTarget(MessagePort.prototype, (port, type, value) =>
  new MessageEvent(type, { data: value, ports: port[kEventPorts] || [], target: port }));
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag,
                      { value: 'MessagePort', configurable: true });

function iterableError(name) {
  const e = new TypeError('Optional ' + name + ' argument must be an iterable');
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

// postMessage's second argument: a transfer list or {transfer}.
// A transfer list as an array: a real array is used as it is; any other
// iterable (a Proxy of an array too, which the native side would not see as
// an array) is read through its iterator once, as Node reads it.
function transferListFrom(transfer, name, allowOptions) {
  if (transfer === undefined || transfer === null) return undefined;
  if (Array.isArray(transfer) && !typesBinding.isProxy(transfer)) return transfer;
  if (typeof transfer !== 'object') throw iterableError(name);
  const iterator = transfer[Symbol.iterator];
  if (typeof iterator === 'function') return readIterable(transfer, iterator);
  if (!allowOptions) throw iterableError(name);
  const inner = transfer.transfer;
  if (inner === undefined) return undefined;  // null is no iterable: Node throws
  const innerIterator = inner !== null && typeof inner === 'object' ? inner[Symbol.iterator] : undefined;
  if (typeof innerIterator !== 'function') throw iterableError('options.transfer');
  return readIterable(inner, innerIterator);
}
function readIterable(iterable, iterator) {
  const out = [];
  for (const item of { [Symbol.iterator]: () => Reflect.apply(iterator, iterable, []) }) {
    out.push(item);
  }
  return out;
}

// Native -> JS delivery. Listeners added with on() get the value; event
// listeners get a MessageEvent whose ports are the ports that came with it.
const kEventPorts = Symbol('kEventPorts');
const kFilter = Symbol('kFilter');  // (value) => true if it handled the message itself
function onPortMessage(id, value, transferred) {
  const port = ports.get(id);
  if (port === undefined) return;
  if (port[kFilter] !== undefined && port[kFilter](value)) return;
  port[kEventPorts] = transferred;
  try {
    dispatch(port, 'message', value, undefined);
  } finally {
    port[kEventPorts] = undefined;
  }
}
function onPortMessageError(id, error) {
  const port = ports.get(id);
  if (port !== undefined) port.emit('messageerror', error);
}
function onPortClose(id) {
  const port = ports.get(id);
  if (port === undefined) return;
  ports.delete(id);
  port[kState].closed = true;
  updateRef(port);
  port.emit('close');
}
function onPortDetached(id) {
  const port = ports.get(id);
  if (port === undefined) return;
  ports.delete(id);
  port[kState].detached = true;
  updateRef(port);
}

class MessageChannel {
  constructor() {
    const [a, b] = messagingBinding.createChannel();
    this.port1 = makePort(a);
    this.port2 = makePort(b);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    const e = new TypeError('The "port" argument must be a MessagePort instance');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  const got = messagingBinding.portReceive(port[kId]);
  return got === undefined ? undefined : { message: got[0] };
}

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') {
    messagingBinding.markUntransferable(obj);
  }
}

function structuredClone(...args) {
  if (args.length === 0) {
    const e = new TypeError('The value argument must be specified');
    e.code = 'ERR_MISSING_ARGS';
    throw e;
  }
  const [value, options] = args;
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      const e = new TypeError('The options argument must be either an object or undefined');
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    const t = options.transfer;
    if (t !== undefined && t !== null) {
      if (typeof t !== 'object' || typeof t[Symbol.iterator] !== 'function') {
        throw iterableError('transferList');
      }
      transfer = [...t];
    }
  }
  return messagingBinding.structuredClone(value, transfer);
}

module.exports = {
  DOMException, MessagePort, MessageChannel, MessageEvent, receiveMessageOnPort,
  markAsUntransferable, structuredClone, makePort, startPort, kId, kState, updateRef,
  installEventTarget, kFilter,
  hooks: { makePort, onPortMessage, onPortMessageError, onPortClose, onPortDetached,
           makeDataCloneError },
};
