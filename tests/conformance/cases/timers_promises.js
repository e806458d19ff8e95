// require('timers/promises'): setTimeout/setImmediate resolve with their
// value, setInterval is an async iterator, options are checked, an unref'ed
// timer does not keep the worker alive, and a signal (anything shaped like
// an AbortSignal) cancels.
const tp = require('timers/promises');
const { setTimeout: sleep, setImmediate: immediate, setInterval: every, scheduler } = tp;
console.log(Object.keys(tp), require('node:timers/promises') === tp, require('timers').promises === tp);

// A minimal AbortSignal look-alike (islet and Node both accept it).
function makeSignal() {
  const listeners = new Set();
  const signal = {
    aborted: false,
    reason: undefined,
    addEventListener(type, fn) { listeners.add(fn); },
    removeEventListener(type, fn) { listeners.delete(fn); },
  };
  return { signal, abort(reason) { signal.aborted = true; signal.reason = reason; for (const fn of listeners) fn(); }, listeners };
}

(async () => {
  const order = [];
  const a = sleep(100, 'hundred').then((v) => order.push(v));
  const b = sleep(50, 'fifty').then((v) => order.push(v));
  const c = immediate('immediate').then((v) => order.push(v));
  await Promise.all([a, b, c]);
  console.log('order', order);
  console.log('no value', await sleep(1), await immediate());
  console.log('scheduler', await scheduler.wait(1), await scheduler.yield());

  let n = 0;
  for await (const v of every(5, 'tick')) {
    console.log('interval', ++n, v);
    if (n === 3) break;
  }

  for (const bad of [null, 'x', { ref: 1 }, { signal: 5 }, { signal: null }]) {
    await sleep(1, 'v', bad).then(() => console.log('no error'), (e) => console.log('setTimeout', e.code, e.message));
    await immediate('v', bad).then(() => console.log('no error'), (e) => console.log('setImmediate', e.code, e.message));
    const it = every(1, 'v', bad);
    await it.next().then(() => console.log('no error'), (e) => console.log('setInterval', e.code, e.message));
  }

  const s1 = makeSignal();
  const pending = sleep(10000, 'never', { signal: s1.signal });
  s1.abort('why');
  await pending.then((v) => console.log('resolved?', v), (e) => console.log('aborted', e.name, e.code, e.message, e.cause));
  console.log('listener removed', s1.listeners.size);
  const s2 = makeSignal();
  s2.abort('already');
  await sleep(1, 'x', { signal: s2.signal }).catch((e) => console.log('pre-aborted', e.name, e.cause));
  const s3 = makeSignal();
  let ticks = 0;
  try {
    for await (const v of every(2, 'i', { signal: s3.signal })) { if (++ticks === 2) s3.abort('stop'); }
  } catch (e) {
    console.log('interval aborted after', ticks, e.name, e.cause);
  }

  // An unref'ed timer does not keep the worker alive: 'exit' comes first.
  process.on('exit', () => console.log('exit'));
  sleep(100000, 'x', { ref: false }).then(() => console.log('should not print'));
})();
