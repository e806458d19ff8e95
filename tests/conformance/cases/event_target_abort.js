// EventTarget, Event, CustomEvent, AbortController and AbortSignal as
// Node 20 has them (timeStamps are not printed: they vary).
const log = (...a) => console.log(...a);
log(typeof EventTarget, typeof Event, typeof CustomEvent, typeof AbortController, typeof AbortSignal);
log(Object.getOwnPropertyNames(Event.prototype).sort().join(','));
log(Object.getOwnPropertyNames(EventTarget.prototype).sort().join(','));
log(Object.getOwnPropertyNames(AbortSignal.prototype).sort().join(','));
log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE);
const et = new EventTarget();
log(et, Object.prototype.toString.call(et), Object.prototype.toString.call(new Event('x')));
const e = new Event('x', { cancelable: true, bubbles: 1 });
log(e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.isTrusted, e.eventPhase,
    e.target, e.currentTarget, e.returnValue, e.cancelBubble, typeof e.timeStamp, e.composedPath());

const order = [];
const obj = { handleEvent(ev) { order.push('object ' + (this === obj) + ' ' + ev.eventPhase); } };
function a(ev) { order.push('a ' + (this === et) + ' ' + (ev.target === et) + ' ' + (ev.currentTarget === et)); ev.preventDefault(); }
function b() { order.push('b'); et.removeEventListener('x', c); et.addEventListener('x', d); }
function c() { order.push('c (removed by b: never)'); }
function d() { order.push('d (added during dispatch: reached)'); }
et.addEventListener('x', a);
et.addEventListener('x', a);          // a duplicate: ignored
et.addEventListener('x', a, true);    // other capture: a second entry
et.addEventListener('x', b, { once: true });
et.addEventListener('x', c);
et.addEventListener('x', obj);
log('dispatch returns', et.dispatchEvent(e), 'prevented', e.defaultPrevented, e.returnValue);
log(order.join(' | '));
log('after', e.eventPhase, e.currentTarget, e.target === et, e.composedPath());
order.length = 0;
et.dispatchEvent(new Event('x'));
log(order.join(' | '));

// stopImmediatePropagation, passive, initEvent, cancelBubble.
const t2 = new EventTarget();
t2.addEventListener('y', (ev) => { log('first'); ev.stopImmediatePropagation(); });
t2.addEventListener('y', () => log('second: never'));
t2.dispatchEvent(new Event('y'));
const t3 = new EventTarget();
t3.addEventListener('p', (ev) => ev.preventDefault(), { passive: true });
const pe = new Event('p', { cancelable: true });
log('passive preventDefault ignored', t3.dispatchEvent(pe), pe.defaultPrevented);
const ie = new Event('a');
ie.initEvent('b', true, true);
ie.cancelBubble = true;
log(ie.type, ie.bubbles, ie.cancelable, ie.cancelBubble);
const ce = new CustomEvent('c', { detail: { n: 1 } });
log(ce.detail, new CustomEvent('d').detail, ce instanceof Event, Object.prototype.toString.call(ce));

// Errors.
for (const f of [() => new Event(), () => et.addEventListener('x'), () => et.addEventListener('x', 5),
                 () => et.dispatchEvent({ type: 'x' }), () => new AbortSignal(), () => new CustomEvent(),
                 () => AbortSignal.timeout(-1), () => AbortSignal.timeout('1'), () => AbortSignal.any(5),
                 () => AbortSignal.any([5]), () => et.addEventListener('x', () => {}, 'str')]) {
  try { f(); log('no error'); } catch (err) { log(err.name, err.code, err.message); }
}
const rec = new EventTarget();
rec.addEventListener('r', (ev) => { try { rec.dispatchEvent(ev); } catch (err) { log(err.name, err.code, err.message); } });
rec.dispatchEvent(new Event('r'));

// AbortController and AbortSignal.
const ac = new AbortController();
log(ac, ac.signal, ac.signal === ac.signal, Object.prototype.toString.call(ac));
const seen = [];
ac.signal.onabort = (ev) => seen.push('onabort ' + ev.type);
ac.signal.addEventListener('abort', () => seen.push('listener'));
log(ac.signal.onabort !== null);
ac.abort();
ac.abort('twice: ignored');
log(seen, ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason instanceof DOMException);
try { ac.signal.throwIfAborted(); } catch (err) { log('throwIfAborted', err.name); }
const ac2 = new AbortController();
ac2.abort('custom reason');
log(ac2.signal.reason, AbortSignal.abort().reason.name, AbortSignal.abort(42).reason);
const t4 = new EventTarget();
const ac3 = new AbortController();
t4.addEventListener('z', () => log('z listener'), { signal: ac3.signal });
t4.dispatchEvent(new Event('z'));
ac3.abort();
t4.dispatchEvent(new Event('z'));
t4.addEventListener('z', () => log('never added'), { signal: ac3.signal });
t4.dispatchEvent(new Event('z'));
const any = AbortSignal.any([new AbortController().signal, ac2.signal]);
log('any of an aborted', any.aborted, any.reason);
const c1 = new AbortController();
const any2 = AbortSignal.any([c1.signal]);
c1.abort('later');
log('any follows', any2.aborted, any2.reason);

// A throwing listener is an uncaught exception, after the dispatch.
process.on('uncaughtException', (err) => log('uncaught', err.message));
const t5 = new EventTarget();
t5.addEventListener('t', () => { throw new Error('from a listener'); });
t5.addEventListener('t', () => log('the next listener still runs'));
t5.dispatchEvent(new Event('t'));
log('dispatch returned');

// AbortSignal.timeout, with timers/promises.
const ts = AbortSignal.timeout(20);
require('timers/promises').setTimeout(1000, 'late', { signal: ts })
  .catch((err) => log('timed out', err.name, err.cause.name, err.cause.message, ts.aborted));
