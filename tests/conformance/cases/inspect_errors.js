'use strict';
// util.inspect on errors: stack handling, renamed/subclassed/prototype-less
// errors, extra properties, causes (including shared stack frames and
// cycles), AggregateError, colours. Every stack is set explicitly so the
// output does not depend on file paths.
const util = require('util');

const I = (label, value, opts) => console.log(`## ${label}\n${opts === undefined ? util.inspect(value) : util.inspect(value, opts)}`);
const err = (Ctor, message, stack, props) => {
  const e = new Ctor(message);
  e.stack = stack;
  return Object.assign(e, props);
};
const frames = (...names) => names.map((n) => `    at ${n} (/app/${n}.js:1:1)`).join('\n');

I('no frames', err(Error, 'boom', 'Error: boom'));
I('with frames', err(Error, 'boom', `Error: boom\n${frames('a', 'b')}`));
I('type error', err(TypeError, 'bad', `TypeError: bad\n${frames('t')}`));
I('empty message', err(Error, '', 'Error'));
I('extra props', err(Error, 'with props', `Error: with props\n${frames('p')}`, { code: 'E_CODE', errno: 42 }));
I('extra props no frames', err(Error, 'short', 'Error: short', { code: 'E1' }));
I('nested in object', { err: err(Error, 'nested', `Error: nested\n${frames('n')}`), other: 1 });
I('in array', [err(Error, 'a', 'Error: a'), err(RangeError, 'b', `RangeError: b\n${frames('r')}`)]);
I('deep nesting', { level1: { level2: { e: err(SyntaxError, 'deep', `SyntaxError: deep\n${frames('s')}`) } } });
I('beyond depth with props', { a: { b: { c: err(Error, 'd', 'Error: d', { x: 1 }) } } });
I('name changed', (() => { const e = err(Error, 'renamed', `Error: renamed\n${frames('x')}`); e.name = 'CustomName'; return e; })());
I('name changed to Error suffix', (() => { const e = err(TypeError, 'x', `TypeError: x\n${frames('x')}`); e.name = 'FooError'; return e; })());
I('message changed', (() => { const e = err(Error, 'original', `Error: original\n${frames('m')}`); e.message = 'changed'; return e; })());
I('stack undefined', err(Error, 'nostack', undefined));
I('stack custom text', err(Error, 'm', 'custom stack text'));
I('stack not a string', err(Error, 'm', 42));
I('message with newline', err(Error, 'line1\nline2', `Error: line1\nline2\n${frames('ml')}`));
I('message looks like a frame', err(Error, 'x\n    at fake', `Error: x\n    at fake\n${frames('real')}`));
I('subclass', (() => { class MyError extends Error {} return err(MyError, 'sub', `Error: sub\n${frames('s')}`); })());
I('subclass named', (() => { class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } const e = new MyError('sub2'); e.stack = `MyError: sub2\n${frames('s')}`; return e; })());
I('subclass name on prototype', (() => { class ValidationError extends Error {} ValidationError.prototype.name = 'ValidationError'; return err(ValidationError, 'invalid', `ValidationError: invalid\n${frames('v')}`); })());
I('null prototype', Object.setPrototypeOf(err(Error, 'np', `Error: np\n${frames('np')}`), null));
I('toStringTag', (() => { const e = err(Error, 'tagged', 'Error: tagged'); Object.defineProperty(e, Symbol.toStringTag, { value: 'Tagz' }); return e; })());
I('fake error', Object.create(Error.prototype));
I('cause', (() => { const inner = err(Error, 'inner', `Error: inner\n${frames('i')}`); const e = new Error('outer', { cause: inner }); e.stack = `Error: outer\n${frames('o')}`; return e; })());
I('cause primitive', (() => { const e = new Error('outer', { cause: 'just a string' }); e.stack = 'Error: outer'; return e; })());
I('cause undefined', (() => { const e = new Error('outer', { cause: undefined }); e.stack = 'Error: outer'; return e; })());
I('cause chain', (() => {
  const root = err(Error, 'root', `Error: root\n${frames('r')}`);
  const mid = new Error('mid', { cause: root });
  mid.stack = `Error: mid\n${frames('m')}`;
  const top = new Error('top', { cause: mid });
  top.stack = `Error: top\n${frames('t')}`;
  return top;
})());
I('cause sharing frames', (() => {
  const shared = frames('f1', 'f2', 'f3', 'f4', 'f5', 'f6');
  const cause = err(Error, 'inner', `Error: inner\n${frames('inner')}\n${shared}`);
  const e = new Error('outer', { cause });
  e.stack = `Error: outer\n${frames('outer')}\n${shared}`;
  return e;
})());
I('circular cause', (() => { const e = err(Error, 'circ', `Error: circ\n${frames('c')}`); e.cause = e; return e; })());
I('aggregate', (() => {
  const e = new AggregateError([err(Error, 'e1', 'Error: e1'), err(TypeError, 'e2', `TypeError: e2\n${frames('e2')}`)], 'many');
  e.stack = `AggregateError: many\n${frames('agg')}`;
  return e;
})());
I('showHidden', err(Error, 'hidden', `Error: hidden\n${frames('h')}`), { showHidden: true });
I('compact false', err(Error, 'cf', 'Error: cf', { a: 1 }), { compact: false });
I('compact true', err(Error, 'ct', `Error: ct\n${frames('c')}`, { a: 1 }), { compact: true });
// (Coloured frames avoid '/': the working directory, which could be '/', is
// dimmed wherever it appears. Only public core modules (node:fs) are used,
// node:internal/* ids are host-specific.)
I('colors', { e: err(Error, 'colored', 'Error: colored\n    at c (c.js:1:1)\n    at fsFrame (node:fs:1:1)\n    at dep (C:\\app\\node_modules\\dep\\index.js:1:1)\n    at scoped (C:\\app\\node_modules\\@scope\\pkg\\index.js:1:1)') }, { colors: true });
I('colors no frames', { e: err(Error, 'colored', 'Error: colored') }, { colors: true });
console.log(`## format %s\n${util.format('%s', err(Error, 'fmt', 'Error: fmt'))}`);
console.log(`## format %o\n${util.format('%o', err(Error, 'fmt', 'Error: fmt', { p: 1 }))}`);
console.log(`## format plain\n${util.format('Error:', err(Error, 'log me', `Error: log me\n${frames('l')}`))}`);
