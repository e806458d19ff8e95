// require('assert'): passing assertions are silent, failing ones throw
// AssertionError with Node's name, code, operator, actual/expected and
// message (the line diff for deep comparisons, the quoted call for ok()).
const assert = require('assert');
const show = (label, f) => {
  try {
    f();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, JSON.stringify([e.name, e.code, e.message, e.operator, e.generatedMessage]));
  }
};
console.log(Object.keys(assert).filter((k) => k !== 'CallTracker').join(','));
console.log(assert.strict === assert.strict.strict, require('assert/strict') === assert.strict,
            assert.strict.equal === assert.strictEqual, require('node:assert') === assert);
show('ok 1', () => assert.ok(1));
show('ok 0', () => assert.ok(0));
show('assert false', () => assert(false));
show('ok empty', () => assert.ok(''));
show('ok none', () => assert.ok());
show('ok message', () => assert(null, 'custom'));
show('ok multi', () => assert.ok(
  typeof 123 === 'string'
));
show('equal', () => assert.equal(1, '1'));
show('equal fail', () => assert.equal(1, 2));
show('equal NaN', () => assert.equal(NaN, NaN));
show('notEqual', () => assert.notEqual(1, 1));
show('strictEqual', () => assert.strictEqual(1, 1));
show('strictEqual num', () => assert.strictEqual(1, 2));
show('strictEqual str', () => assert.strictEqual('a', 'b'));
show('strictEqual long', () => assert.strictEqual('hello world, this', 'hello world, that'));
show('strictEqual obj', () => assert.strictEqual({ a: 1 }, { a: 1 }));
show('strictEqual objs', () => assert.strictEqual({ a: 1 }, { a: 2 }));
show('strictEqual 0', () => assert.strictEqual(0, -0));
show('notStrictEqual', () => assert.notStrictEqual(1, 1));
show('notStrictEqual obj', () => { const o = { a: 1 }; assert.notStrictEqual(o, o); });
show('notStrictEqual long', () => assert.notStrictEqual('long string', 'long string'));
show('deepStrictEqual ok', () => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
show('deepStrictEqual obj', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
show('deepStrictEqual arr', () => assert.deepStrictEqual([1, 2], [1, 3]));
show('deepStrictEqual long', () => assert.deepStrictEqual(
  { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 9 }));
show('deepStrictEqual extra', () => assert.deepStrictEqual([1, 2, 3], [1, 2]));
show('deepStrictEqual same', () => assert.deepStrictEqual({ a: Symbol.for('x') }, { a: Symbol('x') }));
show('deepStrictEqual proto', () => assert.deepStrictEqual(Object.create(null), {}));
show('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show('deepEqual', () => assert.deepEqual({ a: 1 }, { a: '1' }));
show('deepEqual fail', () => assert.deepEqual({ a: 1 }, { a: 2 }));
show('notDeepEqual', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show('throws', () => assert.throws(() => { throw new TypeError('bad'); }, TypeError));
show('throws none', () => assert.throws(() => {}));
show('throws none msg', () => assert.throws(() => {}, TypeError, 'should throw'));
show('throws regexp', () => assert.throws(() => { throw new Error('abc'); }, /abc/));
show('throws regexp no', () => assert.throws(() => { throw new Error('abc'); }, /xyz/));
show('throws object', () => assert.throws(() => { throw new Error('abc'); }, { message: 'abc' }));
show('throws object no', () => assert.throws(() => { throw new Error('abc'); }, { message: 'x' }).message);
show('throws validate', () => assert.throws(() => { throw new Error('abc'); }, (e) => e.message === 'abc'));
show('throws wrong class', () => assert.throws(() => { throw new Error('abc'); }, TypeError));
show('doesNotThrow', () => assert.doesNotThrow(() => {}));
show('doesNotThrow fail', () => assert.doesNotThrow(() => { throw new Error('oops'); }));
show('doesNotThrow msg', () => assert.doesNotThrow(() => { throw new Error('oops'); }, 'should not'));
show('fail', () => assert.fail());
show('fail msg', () => assert.fail('boom'));
show('fail err', () => assert.fail(new TypeError('given')));
show('match', () => assert.match('abc', /b/));
show('match no', () => assert.match('abc', /x/));
show('match type', () => assert.match(123, /x/));
show('doesNotMatch', () => assert.doesNotMatch('abc', /b/));
show('ifError null', () => assert.ifError(null));
show('ifError', () => assert.ifError(new Error('e')));
show('ifError str', () => assert.ifError('s'));
show('missing args', () => assert.strictEqual(1));
show('strict.equal', () => assert.strict.equal(1, '1'));
(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects passed'));
  await assert.rejects(Promise.resolve(1)).catch((e) => console.log('rejects none', JSON.stringify([e.message, e.operator])));
  await assert.doesNotReject(async () => 1).then(() => console.log('doesNotReject passed'));
  await assert.doesNotReject(Promise.reject(new Error('nope'))).catch((e) => console.log('doesNotReject fail', JSON.stringify([e.message, e.operator])));
  const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  console.log(e.name, e.code, Object.keys(e), String(e).split('\n')[0], e instanceof Error);
})();
