// A worker script written to reach islet's internals (issue 13): before
// anything else runs, it replaces the built-ins that islet's own JS could
// call with user-visible arguments, and puts a getter on Object.prototype
// for every property name islet's JS sources read (PROPERTY_NAMES, prepended
// by interception_test.cc). Each hook records any internal object it is
// handed (as `this`, an argument or a result). Then it uses every built-in
// module and global the way a program would, and prints what it caught.
'use strict';

// Captured before anything is patched; the hooks use nothing else.
const RApply = Reflect.apply;
const RConstruct = Reflect.construct;
const hasOwn = Object.hasOwn;
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const getOwnPropertyNames = Object.getOwnPropertyNames;
const getOwnPropertySymbols = Object.getOwnPropertySymbols;
const getPrototypeOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const arrayPush = Array.prototype.push;
const arrayJoin = Array.prototype.join;
const log = console.log;

// What an internal object looks like: the native binding, the internals
// table, internal module exports, the hooks handed to C++.
const MARKERS = ['internalSource', 'terminateWorker', 'portPost', 'internalRequire',
                 'loadBuiltin', 'makePort', 'setPublicInspect', 'onWorkerExit', 'deliver',
                 'runMain', 'fireTimer', 'isEventTarget', 'compileFunction'];
const caught = [];
let checking = false;
const ObjectPrototype = Object.prototype;  // has every trapped name, as getters
function secret(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
  if (v === ObjectPrototype) return undefined;
  for (let i = 0; i < MARKERS.length; i++) {
    if (hasOwn(v, MARKERS[i])) return MARKERS[i];
  }
  return undefined;
}
function check(where, v, depth = 0) {
  if (checking) return;
  checking = true;
  try {
    const marker = secret(v);
    if (marker !== undefined) {
      RApply(arrayPush, caught, [where + ' saw an object with ' + marker]);
    } else if (depth === 0 && isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        checking = false;
        check(where + '[' + i + ']', v[i], 1);
        checking = true;
      }
    }
  } catch {
    // a revoked proxy or the like: not ours
  } finally {
    checking = false;
  }
}
function checkAll(where, self, args) {
  check(where + ' this', self);
  for (let i = 0; i < args.length; i++) check(where + ' arg' + i, args[i]);
}

// Replaces target[key] (a function) with one that checks its receiver,
// arguments and result, then does what the original did.
function wrap(target, key, label) {
  const d = getOwnPropertyDescriptor(target, key);
  if (!d || typeof d.value !== 'function' || (!d.configurable && !d.writable)) return;
  const original = d.value;
  const name = label + '.' + (typeof key === 'symbol' ? key.description : key);
  const wrapper = {
    [key](...args) {
      checkAll(name, this, args);
      const result = new.target ? RConstruct(original, args, new.target)
                                : RApply(original, this, args);
      check(name + ' result', result);
      return result;
    },
  }[key];
  if (d.configurable) {
    defineProperty(target, key, { ...d, value: wrapper });
  } else {
    target[key] = wrapper;
  }
}
function wrapAll(target, label) {
  for (const key of getOwnPropertyNames(target)) {
    if (key !== 'constructor' && key !== 'caller' && key !== 'callee' && key !== 'arguments') {
      wrap(target, key, label);
    }
  }
  for (const key of getOwnPropertySymbols(target)) wrap(target, key, label);
}

// A getter on Object.prototype sees every read, by islet's code, of a
// property an object does not have: an internal object with an ordinary
// prototype would be handed to it as `this`.
function trapRead(key) {
  if (hasOwn(Object.prototype, key)) return;
  defineProperty(Object.prototype, key, {
    get() {
      check('Object.prototype.' + String(key) + ' getter', this);
      return undefined;
    },
    set(value) {
      check('Object.prototype.' + String(key) + ' setter', this);
      defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    },
    configurable: true,
  });
}

// Species: a derived constructor sees what it is built from.
function trapSpecies(Base, label) {
  const Derived = class extends Base {
    constructor(...args) {
      checkAll(label + ' species', undefined, args);
      super(...args);
    }
  };
  defineProperty(Base, Symbol.species, { get() { check(label + ' species', this); return Derived; },
                                         configurable: true });
}

const TypedArray = getPrototypeOf(Uint8Array);
const ArrayIteratorPrototype = getPrototypeOf([][Symbol.iterator]());
const toWrap = [
  [Function.prototype, 'Function.prototype'],
  [Array.prototype, 'Array.prototype'],
  [ArrayIteratorPrototype, 'ArrayIterator'],
  [getPrototypeOf(new Map().entries()), 'MapIterator'],
  [getPrototypeOf(new Set().values()), 'SetIterator'],
  [Object.prototype, 'Object.prototype'],
  [Object, 'Object'],
  [Reflect, 'Reflect'],
  [Map.prototype, 'Map.prototype'],
  [Set.prototype, 'Set.prototype'],
  [WeakMap.prototype, 'WeakMap.prototype'],
  [WeakSet.prototype, 'WeakSet.prototype'],
  [Promise.prototype, 'Promise.prototype'],
  [Promise, 'Promise'],
  [String.prototype, 'String.prototype'],
  [RegExp.prototype, 'RegExp.prototype'],
  [TypedArray.prototype, 'TypedArray.prototype'],
  [ArrayBuffer.prototype, 'ArrayBuffer.prototype'],
  [JSON, 'JSON'],
  [Symbol, 'Symbol'],
  [Error, 'Error'],
];

// Property descriptors are read with HasProperty: a getter for these would
// make every descriptor invalid, ours and the script's alike.
const DESCRIPTOR_KEYS = ['get', 'set', 'value', 'writable', 'enumerable', 'configurable'];
const names = new Set(PROPERTY_NAMES);
for (const extra of ['then', 'catch', 'finally', 'exports', 'binding', 'internals', 'module',
                     'require', 'default', 'next', 'done', 'length',
                     'prototype', 'message', 'stack', 'cause', 'code', 'name']) {
  names.add(extra);
}
for (const key of DESCRIPTOR_KEYS) names.delete(key);
const symbols = [Symbol.iterator, Symbol.asyncIterator, Symbol.toPrimitive, Symbol.toStringTag,
                 Symbol.species, Symbol.isConcatSpreadable, Symbol.for('nodejs.util.inspect.custom')];

// Patch everything. From here on, only the captured functions above are safe.
for (const [target, label] of toWrap) wrapAll(target, label);
for (const name of names) trapRead(name);
for (const s of symbols) trapRead(s);
trapSpecies(Array, 'Array');
trapSpecies(Promise, 'Promise');
trapSpecies(Uint8Array, 'Uint8Array');
trapSpecies(ArrayBuffer, 'ArrayBuffer');
trapSpecies(Map, 'Map');

// Now use islet the way a program would.
const steps = [];
function step(name, fn) { RApply(arrayPush, steps, [[name, fn]]); }

const builtins = ['events', 'util', 'worker_threads', 'islet', 'timers', 'process', 'console',
                  'path', 'path/posix', 'timers/promises', 'os', 'assert', 'assert/strict'];
step('require every built-in', () => {
  for (const name of builtins) { require(name); require('node:' + name); }
});
step('internal modules stay internal', () => {
  const before = Array.prototype.includes;
  defineProperty(Array.prototype, 'includes', { value: () => true, writable: true, configurable: true });
  try {
    for (const name of ['internal/messaging', 'internal/util/inspect', 'bootstrap',
                        'internal/bootstrap/loaders', 'internal/primordials', 'internal/binding']) {
      try {
        const m = require(name);
        RApply(arrayPush, caught, ['require(' + name + ') gave ' + typeof m]);
      } catch (e) {
        if (e.code !== 'MODULE_NOT_FOUND') RApply(arrayPush, caught, ['require(' + name + '): ' + e.message]);
      }
    }
  } finally {
    defineProperty(Array.prototype, 'includes', { value: before, writable: true, configurable: true });
  }
  for (const name of builtins) {
    const m = require(name);
    if (m !== null && (typeof m === 'object' || typeof m === 'function')) {
      for (const key of Reflect.ownKeys(m)) {
        let v;
        try { v = m[key]; } catch { continue; }
        check('require(' + name + ').' + String(key), v);
        if (v !== null && typeof v === 'object') {
          for (const inner of Reflect.ownKeys(v)) {
            try { check('require(' + name + ').' + String(key) + '.' + String(inner), v[inner]); } catch {}
          }
        }
      }
    }
  }
});
step('globals', () => {
  for (const name of ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'EventTarget', 'Event',
                      'CustomEvent', 'AbortController', 'AbortSignal', 'BroadcastChannel',
                      'MessageChannel', 'MessagePort', 'MessageEvent', 'DOMException',
                      'structuredClone', 'queueMicrotask', 'setTimeout', 'performance']) {
    check('global ' + name, globalThis[name]);
  }
  new TextDecoder().decode(new TextEncoder().encode('héllo'));
  atob(btoa('x'));
});
step('console and inspect', () => {
  const util = require('util');
  util.inspect({ a: [1, { b: new Map([[1, new Set([2])]]) }], c: new Uint8Array(3) }, { depth: 4 });
  util.format('%s %d %j %o', 'a', 1, { x: 1 }, [1]);
  util.inspect(new Error('e'));
  util.inspect(new Proxy({}, {}), { showProxy: true });
  util.isDeepStrictEqual({ a: [1] }, { a: [1] });
  console.error({ shown: 'on stderr' });
});
step('events', async () => {
  const EventEmitter = require('events');
  const e = new EventEmitter();
  e.on('x', (v) => v);
  e.once('x', (v) => v);
  e.emit('x', 1);
  const p = EventEmitter.once(e, 'y');
  e.emit('y', 2);
  await p;
  const t = new EventTarget();
  t.addEventListener('z', (ev) => ev.type, { once: true });
  t.dispatchEvent(new Event('z'));
  const ac = new AbortController();
  ac.signal.addEventListener('abort', () => {});
  ac.abort(new Error('why'));
});
step('timers', async () => {
  await new Promise((r) => setTimeout(r, 1));
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => process.nextTick(r));
  await new Promise((r) => queueMicrotask(r));
  await require('timers/promises').setTimeout(1, 'v');
  const i = setInterval(() => {}, 1000);
  i.unref(); i.ref(); clearInterval(i);
});
step('messaging', async () => {
  const { port1, port2 } = new MessageChannel();
  const got = new Promise((r) => port2.once('message', r));
  const buffer = new ArrayBuffer(8);
  port1.postMessage({ buffer, list: [1, 'two', new Map([[3, 4]])] }, [buffer]);
  await got;
  const { receiveMessageOnPort } = require('worker_threads');
  port1.postMessage('again');
  receiveMessageOnPort(port2);
  port1.close();
  structuredClone({ a: new Set([1]), d: new Date(0) });
  const bc = new BroadcastChannel('attack');
  bc.postMessage('hi');
  bc.close();
});
step('workers', async () => {
  const { Worker } = require('worker_threads');
  const w = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    parentPort.on('message', (m) => parentPort.postMessage(m + workerData));
  `, { eval: true, workerData: '!' });
  const reply = new Promise((r) => w.once('message', r));
  w.postMessage('ping');
  await reply;
  await w.terminate();
  const failing = new Worker('throw new Error("boom")', { eval: true });
  await new Promise((r) => failing.once('error', r));
});
step('assert', () => {
  const assert = require('assert');
  try { assert.deepStrictEqual({ a: 1 }, { a: 2 }); } catch (e) { check('assert error', e); }
  assert.throws(() => { throw new TypeError('t'); }, TypeError);
});
step('process and islet', () => {
  process.env.ATTACK = '1';
  check('env read', process.env.ATTACK);
  delete process.env.ATTACK;
  process.memoryUsage(); process.cpuUsage(); process.hrtime.bigint(); process.uptime();
  process.emitWarning('careful');
  require('path').join('/a', '..', 'b');
  require('os').cpus();
  const { shared } = require('islet');
  new Int32Array(shared('attack-' + process.pid, 8))[0] = 1;
});
step('errors and rejections', async () => {
  process.on('unhandledRejection', () => {});
  Promise.reject(new Error('unhandled'));
  await new Promise((r) => setTimeout(r, 5));
});

(async () => {
  for (const [name, fn] of steps) {
    try {
      await fn();
    } catch (e) {
      log('step failed:', name, String(e && e.message));
    }
  }
  log('steps run:', steps.length);
  log('caught:', caught.length);
  for (let i = 0; i < caught.length && i < 40; i++) log('  ' + caught[i]);
})();
