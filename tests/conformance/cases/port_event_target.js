// MessagePort as an EventTarget: one MessageEvent shared by a dispatch's
// listeners, stopImmediatePropagation, listeners removed mid-dispatch,
// handleEvent objects, dispatchEvent, the Event properties, onmessage
// read-back, and what the constructors accept.
'use strict';
{
  const { MessageChannel } = require('worker_threads');
  const { port1, port2 } = new MessageChannel();
  let count = 0;
  port1.addEventListener('message', () => { if (++count === 2) { port1.removeEventListener('message', dup); port1.removeEventListener('message', handlerObj); } if (count === 3) port1.close(); });
  const handlerObj = { handleEvent(ev) { console.log('handleEvent', ev.data, this === handlerObj); } };
  port1.addEventListener('message', handlerObj);
  const dup = (ev) => console.log('dup listener', ev.data);
  port1.addEventListener('message', dup);
  port1.addEventListener('message', dup);
  port1.addEventListener('message', (ev) => { console.log('stopper', ev.data); ev.stopImmediatePropagation(); });
  port1.addEventListener('message', () => console.log('after stop - should not run'));
  port1.start();
  port2.postMessage('m1');
  port2.postMessage('m2');
  port2.postMessage('m3');
}
setTimeout(() => {
  const { MessageChannel } = require('worker_threads');
  const { port1, port2 } = new MessageChannel();
  const { port1: extra } = new MessageChannel();
  port1.addEventListener('message', (ev) => {
    console.log(ev.type, ev.data, ev.origin === '', ev.lastEventId, ev.source, ev.ports.length,
                ev.ports[0] && ev.ports[0].constructor.name);
    console.log(ev.bubbles, ev.cancelable, ev.defaultPrevented, ev.eventPhase, ev.isTrusted,
                typeof ev.timeStamp, Object.prototype.toString.call(ev));
    ev.ports[0].close();
    port1.close();
  });
  port2.postMessage({ hello: 'w' }, [extra]);
}, 30);
setTimeout(() => {
  const { MessageChannel } = require('worker_threads');
  const { port1 } = new MessageChannel();
  port1.on('message', (d) => console.log('on got', typeof d, d && d.constructor.name, d && d.data));
  port1.addEventListener('message', (e) => console.log('listener got', e.data, e.eventPhase));
  const ev = new MessageEvent('message', { data: 'synthetic' });
  console.log('dispatch returned', port1.dispatchEvent(ev), ev.eventPhase);
  const f = function (e) { console.log('onmessage', e.data, this === port1); };
  port1.onmessage = f;
  console.log(port1.onmessage === f);
  port1.onmessage = 'not a function';
  console.log('string set ->', port1.onmessage);
  port1.onmessage = null;
  console.log('null set ->', port1.onmessage);
  port1.close();
  const e2 = new MessageEvent('custom');
  console.log(e2.type, e2.data, e2.ports, new MessageEvent().type);
  try { new MessagePort(); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log('stdout isTTY', process.stdout.isTTY, 'isTTY' in process.stdout);
}, 60);
