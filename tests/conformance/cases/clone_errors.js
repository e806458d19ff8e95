// Error objects clone with their type (name) and message; print name/message only.
const errs = [new Error('plain'), new TypeError('type'), new RangeError('range'), new SyntaxError('syntax'),
  new ReferenceError('ref'), new EvalError('eval'), new URIError('uri'), new Error('')];
for (const e of errs) {
  const c = structuredClone(e);
  console.log(c.constructor.name, c instanceof Error, c.name, JSON.stringify(c.message), c !== e, typeof c.stack);
}
class MyError extends Error {
  constructor(m) { super(m); this.name = 'MyError'; this.code = 'E_MINE'; }
}
const mine = structuredClone(new MyError('custom'));
console.log('subclass', mine.constructor.name, mine.name, mine.message, 'code kept', 'code' in mine);
const renamed = new Error('x');
renamed.name = 'TypeError';
console.log('name TypeError ->', structuredClone(renamed).constructor.name);
const odd = new Error('y');
odd.name = 'Whatever';
console.log('unknown name ->', structuredClone(odd).constructor.name, structuredClone(odd).name);
const withCause = new Error('outer', { cause: new Error('inner') });
const cc = structuredClone(withCause);
console.log('cause', 'cause' in cc, cc.cause && cc.cause.message);
const noMsg = structuredClone(new Error());
console.log('message own property', Object.prototype.hasOwnProperty.call(noMsg, 'message'));
console.log('in an object', structuredClone({ e: new RangeError('inside') }).e.message);
