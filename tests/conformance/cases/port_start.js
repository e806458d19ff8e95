// In Node, adding a 'message' listener (on() or addEventListener()) starts the port;
// start() is idempotent and messages queued while stopped are delivered in order.
const { port1, port2 } = new MessageChannel();

port1.postMessage(1);
port1.postMessage(2);
setTimeout(() => {
  console.log('adding listener');
  port2.addEventListener('message', (ev) => {
    console.log('got', ev.data);
    if (ev.data === 4) port2.close();
  });
  port1.postMessage(3);
  port2.start();
  port2.start(); // a second start() is harmless
  port1.postMessage(4);
}, 20);
