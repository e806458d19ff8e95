// MessageChannel basics: on('message') receives values in order; the channel ends when closed.
const { MessageChannel, MessagePort } = require('worker_threads');

const ch = new MessageChannel();
console.log(ch.port1 instanceof MessagePort, ch.port2 instanceof MessagePort, ch.port1 === ch.port2);
console.log('global MessageChannel is the same', globalThis.MessageChannel === MessageChannel);
console.log('global MessagePort is the same', globalThis.MessagePort === MessagePort);
const { port1, port2 } = ch;
let n = 0;
port2.on('message', (value) => {
  console.log('port2 got', value);
  if (++n === 3) port2.close();
});
port1.postMessage('a');
port1.postMessage({ b: [1, 2] });
port1.postMessage(3);
console.log('posted synchronously; nothing delivered yet');
// Both ends see 'close'. port1 listens for messages too: a port with only a
// 'close' listener does not keep the process alive, so its 'close' could be lost.
let closes = 0;
const closed = (name) => () => { console.log(name, 'close'); if (++closes === 2) console.log('both closed'); };
port2.on('close', closed('port2'));
port1.on('close', closed('port1'));
port1.on('message', () => {});
