// Both ends of a channel can send and receive.
const { port1, port2 } = new MessageChannel();

port1.on('message', (m) => {
  console.log('port1 got', m);
  if (m === 'pong 3') port1.close();
  else port1.postMessage('ping ' + (Number(m.split(' ')[1]) + 1));
});
port2.on('message', (m) => {
  console.log('port2 got', m);
  port2.postMessage(m.replace('ping', 'pong'));
});
port1.postMessage('ping 1');
