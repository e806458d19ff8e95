// events.on(): an async iterator over an emitter's events, as Node's: queued
// events, 'error' rejecting once, return() removing its listeners, the
// close option, and a MessagePort read with for await.
const { on, EventEmitter } = require('events');
const { MessageChannel, Worker } = require('worker_threads');

(async () => {
  const ee = new EventEmitter();
  setTimeout(() => { ee.emit('x', 1, 2); ee.emit('x', 3); ee.emit('error', new Error('boom')); }, 5);
  try {
    for await (const args of on(ee, 'x')) console.log('got', args);
  } catch (e) {
    console.log('threw', e.message);
  }
  console.log('listeners after', ee.listenerCount('x'), ee.listenerCount('error'));

  const ee2 = new EventEmitter();
  const it = on(ee2, 'y');
  ee2.emit('y', 'queued1');
  ee2.emit('y', 'queued2');
  console.log(await it.next(), await it.next());
  console.log(await it.return(), await it.next(), ee2.listenerCount('y'));

  const ee3 = new EventEmitter();
  const seen = [];
  setTimeout(() => { ee3.emit('data', 'a'); ee3.emit('end'); ee3.emit('data', 'late'); }, 5);
  for await (const [d] of on(ee3, 'data', { close: ['end'] })) seen.push(d);
  console.log('closed by end', seen, ee3.listenerCount('data'), ee3.listenerCount('end'));

  const ee4 = new EventEmitter();
  const it4 = on(ee4, 'e');
  ee4.emit('error', new Error('first'));
  await it4.next().then(() => console.log('no error'), (e) => console.log('rejects once', e.message));
  console.log('then done', await it4.next());

  for (const bad of [[5, 'x'], [ee, 'x', null], [ee, 'x', { signal: 1 }], [ee, 'x', { highWaterMark: 0 }],
                     [ee, 'x', { lowWaterMark: 1.5 }], [ee, 'x', { highWaterMark: 'a' }]]) {
    try { on(...bad); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  try { await on(ee, 'x').throw('nope'); } catch (e) { console.log(e.name, e.code, e.message); }

  const { port1, port2 } = new MessageChannel();
  port2.postMessage('p1');
  port2.postMessage('p2');
  port2.postMessage('p3');
  let n = 0;
  for await (const [m] of on(port1, 'message')) {
    console.log('port', m);
    if (++n === 2) break;
  }
  console.log('port listeners after break', port1.listenerCount('message'));
  port1.close();

  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    for (let i = 0; i < 3; i++) parentPort.postMessage(i);
    parentPort.postMessage('end');
  `, { eval: true });
  for await (const [m] of on(w, 'message')) {
    if (m === 'end') break;
    console.log('from worker', m);
  }
})();
