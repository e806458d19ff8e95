// Removing a port's last 'message' listener stops it, as in Node: what
// arrives meanwhile (or was already queued behind the message that removed
// it) waits for the next listener. receiveMessageOnPort inside a listener
// takes the next queued message, which the listener then does not get.
'use strict';
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const step = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  {
    // request/response with once()
    const { port1, port2 } = new MessageChannel();
    const next = () => new Promise((resolve) => port1.once('message', resolve));
    port2.postMessage('r1');
    port2.postMessage('r2');
    console.log('once:', await next());
    await step(10);
    console.log('once:', await next());
    port1.close();
  }
  {
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (m) => {
      console.log('A got', m);
      if (m === 1) console.log('A receive', receiveMessageOnPort(port2));
    });
    for (const m of [1, 2, 3, 4]) port1.postMessage(m);
    await step(10);
    port1.close();
  }
  {
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (m) => {
      console.log('B got', m);
      if (m === 1) port2.close();
    });
    port2.on('close', () => console.log('B close'));
    for (const m of [1, 2, 3]) port1.postMessage(m);
    await step(10);
  }
  {
    const { port1, port2 } = new MessageChannel();
    const first = (m) => {
      console.log('C got', m);
      if (m === 1) port2.off('message', first);
    };
    port2.on('message', first);
    for (const m of [1, 2, 3]) port1.postMessage(m);
    await step(10);
    port1.postMessage(4);
    await step(10);
    console.log('C unheard, receive:', receiveMessageOnPort(port2));
    port2.on('message', (m) => console.log('C later', m));
    await step(10);
    port1.close();
  }
  {
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port2.addEventListener('message', (e) => seen.push(e.data), { once: true });
    for (const m of ['x', 'y', 'z']) port1.postMessage(m);
    await step(10);
    port2.onmessage = (e) => seen.push('on:' + e.data);
    await step(10);
    console.log('D', seen.join(' '));
    port1.close();
  }
})();
