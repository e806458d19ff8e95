// module.exports vs exports: reassigning the `exports` variable exports
// nothing; module.exports can be any value (function, 0, undefined);
// properties added to `exports` after module.exports was replaced are lost;
// `this` at top level is the original exports; getters on exports run on each
// access; an empty file exports {}.
const show = (label, v) => console.log(label, '->', typeof v, JSON.stringify(v));

show('reassign-exports', require('./lib/reassign-exports'));
const fn = require('./lib/fn');
show('fn', fn.name + ' ' + fn() + ' ' + fn.extra);
show('replaced-after', require('./lib/replaced-after'));
show('primitive', require('./lib/primitive'));
show('undef', require('./lib/undef'));
show('undef cached', require('./lib/undef'));
show('this', require('./lib/this'));
const g = require('./lib/getter');
show('getter', [g.count, g.count, require('./lib/getter').count]);
show('empty', require('./lib/empty'));
