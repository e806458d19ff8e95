// util.callbackify, util.debuglog, util.stripVTControlCharacters, the
// inspect function a custom inspector receives, and events'
// getEventListeners / getMaxListeners / setMaxListeners.
const util = require('util');
const events = require('events');
class C { [util.inspect.custom](depth, opts, insp) { return 'C<' + depth + ',' + typeof opts.stylize + ',' + (insp === util.inspect) + '>'; } }
console.log(util.inspect(new C()), [new C()], { c: new C() });
async function double(x) { return x * 2; }
const cb = util.callbackify(double);
console.log(cb.name, cb.length, typeof cb);
cb(2, (e, v) => console.log('callbackified', e, v));
util.callbackify(async () => { throw null; })((e) => console.log('falsy rejection', e.message, e.code, e.reason));
util.callbackify(async () => { throw new Error('boom'); })((e) => console.log('rejection', e.message));
for (const f of [() => util.callbackify(5), () => cb(1, 2)]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
const dl = util.debuglog('foo');
console.log(typeof dl, dl.enabled, util.debug === util.debuglog);
dl('not printed %d', 1);
console.log(JSON.stringify(util.stripVTControlCharacters('\u001b[31mred\u001b[39m plain')));
const ee = new events.EventEmitter();
const f = () => {};
ee.on('x', f);
console.log(events.getEventListeners(ee, 'x').length, events.getEventListeners(ee, 'x')[0] === f,
            events.getEventListeners(ee, 'none'), events.getMaxListeners(ee));
const et = new EventTarget();
et.addEventListener('y', f);
const g = { handleEvent() {} };
et.addEventListener('y', g);
console.log(events.getEventListeners(et, 'y').length, events.getEventListeners(et, 'y')[0] === f,
            events.getEventListeners(et, 'y')[1] === g, events.getMaxListeners(et));
events.setMaxListeners(5, ee, et);
console.log(ee.getMaxListeners(), events.getMaxListeners(et));
for (const h of [() => events.getEventListeners(5, 'x'), () => events.setMaxListeners('x'),
                 () => events.setMaxListeners(-1), () => events.getMaxListeners({})]) {
  try { h(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
events.setMaxListeners(3);
console.log(events.defaultMaxListeners, new events.EventEmitter().getMaxListeners());
