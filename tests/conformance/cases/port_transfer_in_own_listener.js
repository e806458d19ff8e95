// A port transferred from inside its own 'message' listener takes the
// messages queued behind that one with it, in order.
'use strict';
const { MessageChannel } = require('worker_threads');

const { port1: aIn, port2: aOut } = new MessageChannel();  // carries the port
const { port1: src, port2: dst } = new MessageChannel();
let moved = false;
dst.on('message', (m) => {
  console.log('first owner got', m);
  if (!moved) {
    moved = true;
    aOut.postMessage({ port: dst }, [dst]);
  }
});
aIn.on('message', ({ port }) => {
  port.on('message', (m) => {
    console.log('new owner got', m);
    if (m === 5) {
      port.close();
      aIn.close();
    }
  });
});
for (let i = 1; i <= 5; i++) src.postMessage(i);
