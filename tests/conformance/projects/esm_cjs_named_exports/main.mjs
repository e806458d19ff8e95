// Named exports of CommonJS modules, found by static analysis
// (cjs-module-lexer): exports.x / module.exports.x / exports['x'] assignments,
// Object.defineProperty(exports, 'x', { value | getter returning a member }),
// object literals assigned to module.exports (identifiers, shorthand,
// key: identifier; the scan stops at the first other value), `...require()`
// spreads and `module.exports = require()` re-exports. Computed keys and
// Object.assign are not seen; an assignment that never runs still creates
// the name (undefined). Values are copied once, after the module ran.
import * as assign from './lib/assign.cjs';
import * as literal from './lib/literal.cjs';
import * as reexport from './lib/reexport.cjs';
import * as fn from './lib/function.cjs';
import { value, change } from './lib/later.cjs';
import later from './lib/later.cjs';

const keys = (ns) => JSON.stringify(Object.keys(ns));
console.log('assign', keys(assign));
console.log('assign values', assign.a, assign.b, assign.c, assign['d-dash'], assign.e, assign.f, assign.g, assign.never);
console.log('assign default has all', JSON.stringify(Object.keys(assign.default)));
console.log('literal', keys(literal), literal.bee, literal.quoted, literal.spread);
console.log('reexport', keys(reexport), reexport.default === assign.default);
console.log('function', keys(fn), fn.default(), fn.prop);
change();
console.log('snapshot', value, 'default sees', later.value);
