// MessagePort, MessageChannel, BroadcastChannel, DOMException and the hooks
// the native side calls to deliver messages (see runtime/worker/worker.cc).
'use strict';

const { EventEmitter, inspect } = internals;

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
for (const [name, code] of Object.entries(domCodes)) {
  const constant = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  Object.defineProperty(DOMException, constant, { value: code, enumerable: true });
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
const MessagePort = binding.MessagePort;
Object.setPrototypeOf(MessagePort.prototype, EventEmitter.prototype);
Object.setPrototypeOf(MessagePort, EventEmitter);

class MessageEvent {
  constructor(type, init = {}) {
    this.type = type;
    this.data = init.data;
    this.origin = '';
    this.lastEventId = '';
    this.source = null;
    this.ports = init.ports || [];
    this.target = init.target || null;
    this.currentTarget = this.target;
  }
}

function makePort(id) {
  const port = binding.newPort(id);
  EventEmitter.init.call(port);
  port[kId] = id;
  // refCounted: a started, ref'ed, open port with 'message' listeners keeps
  // its worker alive.
  port[kState] = { started: false, refed: true, counted: false, closed: false, detached: false,
                   handlers: new Map(), internal: false };
  ports.set(id, port);
  return port;
}

function updateRef(port) {
  const s = port[kState];
  const want = !s.closed && !s.detached && s.refed && s.started &&
               (port.listenerCount('message') > 0 || s.internal);
  if (want !== s.counted) {
    s.counted = want;
    binding.refHandle(want ? 1 : -1);
  }
}

function startPort(port) {
  const s = port[kState];
  if (s.closed || s.detached) return;
  if (!s.started) {
    s.started = true;
    binding.portStart(port[kId]);
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
for (const m of ['off', 'removeListener', 'removeAllListeners']) {
  const base = EventEmitter.prototype[m];
  Object.defineProperty(MessagePort.prototype, m, {
    value: function(...args) {
      base.apply(this, args);
      if (this[kState]) updateRef(this);
      return this;
    },
    writable: true, configurable: true,
  });
}

function eventWrapper(port, type, listener, once) {
  const wrapped = function(data) {
    if (once) port.removeEventListener(type, listener);
    const event = type === 'close' ? new MessageEvent('close', { target: port })
                                   : new MessageEvent(type, { data, target: port });
    if (typeof listener === 'function') listener.call(port, event);
    else listener.handleEvent(event);
  };
  wrapped.listener = undefined;
  return wrapped;
}

const protoMethods = {
  postMessage(value, transfer) {
    if (arguments.length === 0) {
      const e = new TypeError('The "message" argument must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    const s = this[kState];
    let list = transfer;
    if (list !== undefined && list !== null && !Array.isArray(list)) {
      if (typeof list === 'object' && list.transfer !== undefined) list = list.transfer;
      else if (typeof list === 'object' && typeof list[Symbol.iterator] === 'function') list = [...list];
      else if (typeof list === 'object') list = undefined;
      else {
        const e = new TypeError('Optional transferList argument must be an iterable');
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
    }
    if (s.detached) return;
    binding.portPost(this[kId], value, list);
  },
  start() { startPort(this); },
  close() {
    const s = this[kState];
    if (s.closed || s.detached) return;
    binding.portClose(this[kId]);
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
  addEventListener(type, listener, options) {
    if (listener === null || listener === undefined) return;
    const once = !!(options && typeof options === 'object' && options.once);
    const handlers = this[kState].handlers;
    const key = type + '\0';
    let byType = handlers.get(key);
    if (!byType) handlers.set(key, byType = new Map());
    if (byType.has(listener)) return;
    const wrapped = eventWrapper(this, type, listener, once);
    byType.set(listener, wrapped);
    this.on(type, wrapped);
  },
  removeEventListener(type, listener) {
    const byType = this[kState].handlers.get(type + '\0');
    if (!byType || !byType.has(listener)) return;
    this.removeListener(type, byType.get(listener));
    byType.delete(listener);
  },
  dispatchEvent(event) {
    this.emit(event.type, event.data);
    return true;
  },
};
for (const [name, fn] of Object.entries(protoMethods)) {
  Object.defineProperty(MessagePort.prototype, name, { value: fn, writable: true, configurable: true });
}
for (const type of ['message', 'messageerror']) {
  const slot = Symbol('on' + type);
  Object.defineProperty(MessagePort.prototype, 'on' + type, {
    get() { return this[slot] === undefined ? null : this[slot]; },
    set(fn) {
      if (this[slot]) this.removeEventListener(type, this[slot]);
      this[slot] = typeof fn === 'function' ? fn : undefined;
      if (this[slot]) this.addEventListener(type, this[slot]);
    },
    configurable: true, enumerable: true,
  });
}
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag,
                      { value: 'MessagePort', configurable: true });

// Native -> JS delivery.
function onPortMessage(id, value) {
  const port = ports.get(id);
  if (port !== undefined) port.emit('message', value);
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
    const [a, b] = binding.createChannel();
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
  const got = binding.portReceive(port[kId]);
  return got === undefined ? undefined : { message: got[0] };
}

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') {
    binding.markUntransferable(obj);
  }
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const e = new TypeError('The "value" argument must be specified');
    e.code = 'ERR_MISSING_ARGS';
    throw e;
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      const e = new TypeError('The "options" argument must be of type object.');
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    transfer = options.transfer === undefined ? undefined : [...options.transfer];
  }
  return binding.structuredClone(value, transfer);
}

module.exports = {
  DOMException, MessagePort, MessageChannel, MessageEvent, receiveMessageOnPort,
  markAsUntransferable, structuredClone, makePort, startPort, kId, kState, updateRef,
  hooks: { makePort, onPortMessage, onPortMessageError, onPortClose, onPortDetached,
           makeDataCloneError },
};
