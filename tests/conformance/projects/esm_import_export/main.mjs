// Static import/export between .mjs files: named exports (let, const, function,
// class, var, destructuring patterns), renamed imports and exports (`as`, a
// string export name), default exports of every form (an expression; anonymous
// function, class and arrow are named 'default'; `export { x as default }`) and
// default + named in one import statement.
import def, { a, b as bee, f, C, renamed, 'string name' as str } from './lib/named.mjs';
import anonFn from './lib/anon-fn.mjs';
import AnonClass from './lib/anon-class.mjs';
import arrow from './lib/arrow.mjs';
import asDefault, { x } from './lib/as-default.mjs';
import { gen, af, d1, d3, v } from './lib/gen.mjs';
import { default as def2 } from './lib/named.mjs';

console.log('named', a, bee, f(), C.who(), renamed, str);
console.log('default expression', def, def2 === def);
console.log('anonymous function', anonFn.name, anonFn());
console.log('anonymous class', AnonClass.name, typeof new AnonClass());
console.log('arrow', arrow.name, arrow());
console.log('as default', asDefault.name, asDefault(), x);
console.log('generator', [...gen()].join(','), 'destructured', d1, d3, v);
af().then((r) => console.log('async function', r));
