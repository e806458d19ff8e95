// Module namespace objects: null prototype, keys in code-unit order (default
// included), Symbol.toStringTag 'Module' (the only symbol key), not
// extensible, properties writable+enumerable but not configurable (yet
// assignment fails), the same object every time; an empty module's namespace.
import * as ns from './lib/m.mjs';
import * as again from './lib/m.mjs';
import * as empty from './lib/empty.mjs';

const j = JSON.stringify;
console.log('keys', j(Object.keys(ns)));
console.log('ownKeys', Reflect.ownKeys(ns).map(String).join(','));
console.log('toStringTag', ns[Symbol.toStringTag], Object.prototype.toString.call(ns));
console.log('tag descriptor', j(Object.getOwnPropertyDescriptor(ns, Symbol.toStringTag)));
console.log('proto null', Object.getPrototypeOf(ns) === null);
console.log('extensible', Object.isExtensible(ns), 'sealed', Object.isSealed(ns), 'frozen', Object.isFrozen(ns));
console.log('alpha descriptor', j(Object.getOwnPropertyDescriptor(ns, 'alpha')));
console.log('in', 'alpha' in ns, 'nope' in ns, 'Alpha' in ns, ns.nope);
console.log('same object', ns === again, (await import('./lib/m.mjs')) === ns);
console.log('json', j(ns));
console.log('entries', j(Object.entries(ns).map(([k, v]) => [k, typeof v])));
console.log('empty', j(Object.keys(empty)), Object.prototype.toString.call(empty));
console.log('setPrototypeOf', Reflect.setPrototypeOf(ns, {}), Reflect.setPrototypeOf(ns, null));
console.log('defineProperty same', Reflect.defineProperty(ns, 'alpha', { value: 'a' }),
            'different', Reflect.defineProperty(ns, 'alpha', { value: 'b' }));
