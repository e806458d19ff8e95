// once() fires a single time; off()/removeListener() stop delivery to that listener.
const { port1, port2 } = new MessageChannel();

const log = [];
const a = (m) => log.push('a:' + m);
const b = (m) => log.push('b:' + m);
port2.once('message', (m) => log.push('once:' + m));
port2.on('message', a);
port2.addListener('message', b);
console.log('listenerCount', port2.listenerCount('message'));

port2.on('message', function step(m) {
  if (m === 1) port2.off('message', a);
  if (m === 2) port2.removeListener('message', b);
  if (m === 3) {
    console.log('listenerCount', port2.listenerCount('message'));
    console.log(log);
    port2.close();
  }
});
port1.postMessage(1);
port1.postMessage(2);
port1.postMessage(3);
