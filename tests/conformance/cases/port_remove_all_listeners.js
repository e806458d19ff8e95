// removeAllListeners('message') removes every message listener at once.
const { port1, port2 } = new MessageChannel();

port2.on('message', (m) => console.log('listener A', m));
port2.on('message', (m) => {
  console.log('listener B', m);
  port2.removeAllListeners('message');
  console.log('listenerCount after removeAllListeners', port2.listenerCount('message'));
  port2.once('message', (m2) => {
    console.log('new listener', m2);
    port2.close();
  });
  port1.postMessage('second');
});
port1.postMessage('first');
process.on('exit', (code) => console.log('process exit', code));
