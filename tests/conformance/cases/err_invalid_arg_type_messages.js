// ERR_INVALID_ARG_TYPE messages, worded as Node words them: the received
// value's type and a short inspection, or the instance's constructor.
'use strict';
const { Worker } = require('worker_threads');
const { EventEmitter } = require('events');
const attempts = [
  ['nextTick string', () => process.nextTick('notfn')],
  ['queueMicrotask number', () => queueMicrotask(5)],
  ['setTimeout string', () => setTimeout('code string')],
  ['setImmediate nothing', () => setImmediate()],
  ['setInterval long string', () => setInterval('a string that is longer than twenty-eight')],
  ['clearTimeout ok', () => { clearTimeout('x'); return 'no error'; }],
  ['listener object', () => new EventEmitter().on('x', {})],
  ['listener map', () => new EventEmitter().on('x', new Map())],
  ['listener null', () => new EventEmitter().once('x', null)],
  ['listener bigint', () => new EventEmitter().on('x', 10n)],
  ['require number', () => require(5)],
  ['worker name', () => new Worker('1', { eval: true, name: 5 })],
  ['worker argv', () => new Worker('1', { eval: true, argv: 'x' })],
  ['worker env', () => new Worker('1', { eval: true, env: 5 })],
  ['worker options', () => new Worker('1', 5)],
  ['worker filename', () => new Worker(Symbol('s'))],
  ['worker null options', () => new Worker('./nope.js', null)],
  ['long symbol', () => setTimeout(Symbol('a very long symbol description here'))],
  ['long number', () => setTimeout(12345678901234567890123456789012345)],
];
for (const [label, attempt] of attempts) {
  try {
    console.log(label, attempt());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
