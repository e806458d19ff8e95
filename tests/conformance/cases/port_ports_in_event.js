// Transferred ports arrive in the message value and in MessageEvent.ports.
const { MessageChannel, MessagePort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const inner = new MessageChannel();
port2.addEventListener('message', (ev) => {
  const p = ev.data.port;
  console.log('data.port is a MessagePort', p instanceof MessagePort);
  console.log('ev.ports', ev.ports.length, ev.ports[0] === p);
  p.on('message', (m) => {
    console.log('inner got', m);
    p.close();
    port2.close();
  });
  inner.port1.postMessage('through the transferred port');
});
port1.postMessage({ port: inner.port2 }, [inner.port2]);
