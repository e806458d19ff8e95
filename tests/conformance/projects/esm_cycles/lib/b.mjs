import { a, hoisted, late } from './a.mjs';
console.log('b: evaluating (before a)');
console.log('b: hoisted from a works:', hoisted());
try { console.log(a); } catch (e) { console.log('b: const a in TDZ:', e.name, e.message); }
try { console.log(late); } catch (e) { console.log('b: let late in TDZ:', e.name, e.message); }
console.log('b: typeof a throws too:', (() => { try { return typeof a; } catch (e) { return e.name; } })());
export const b = 'b value';
export function fromB() { return 'fromB'; }
export function readA() { return a; }
