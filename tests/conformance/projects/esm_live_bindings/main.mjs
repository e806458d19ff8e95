// Live bindings: an imported `let` reflects every later assignment in the
// exporting module, through a namespace, another importer and a re-export;
// `export default <expr>` exports a value, not a binding; imported bindings
// and namespace properties are read-only for the importer (TypeError).
import countDefault, { count, increment, reset, later, setLater } from './lib/counter.mjs';
import * as ns from './lib/counter.mjs';
import { read } from './lib/reader.mjs';
import { viaReexport } from './lib/reexport.mjs';

const show = (label) => console.log(label, count, ns.count, read(), viaReexport, countDefault);
show('start');
increment();
increment();
show('after 2 increments');
reset();
show('after reset');
console.log('later before', later, 'after', (setLater('set'), later));

try { count = 10; } catch (e) { console.log('assign import', e.name, e.message); }
try { ns.count = 10; } catch (e) { console.log('assign ns', e.name, e.message); }
try { delete ns.count; } catch (e) { console.log('delete ns', e.name, e.message); }
try { ns.extra = 1; } catch (e) { console.log('add to ns', e.name, e.message); }
console.log('count still', count);
