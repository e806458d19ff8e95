// Class instances clone as plain objects: prototype, methods and private fields are lost.
class Point {
  #secret = 'private';
  constructor(x, y) { this.x = x; this.y = y; }
  get sum() { return this.x + this.y; }
  norm() { return Math.hypot(this.x, this.y); }
}
const p = new Point(3, 4);
const c = structuredClone(p);
console.log(c, c instanceof Point, Object.getPrototypeOf(c) === Object.prototype);
console.log('norm' in c, 'sum' in c, c.constructor === Object);

class WithAccessor {
  constructor() { Object.defineProperty(this, 'own', { get: () => 'own getter value', enumerable: true }); }
}
console.log(structuredClone(new WithAccessor()));

class Sub extends Map { constructor() { super([[1, 2]]); this.tag = 'sub'; } }
const cs = structuredClone(new Sub());
console.log(cs.constructor.name, cs instanceof Sub, cs, 'tag' in cs);

class Arr extends Array {}
const ca = structuredClone(Arr.from([1, 2]));
console.log(ca.constructor.name, ca);
