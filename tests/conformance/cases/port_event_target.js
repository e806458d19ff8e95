// addEventListener/removeEventListener receive MessageEvent objects (event.data).
const { port1, port2 } = new MessageChannel();

function onFirst(ev) {
  console.log('onFirst', ev.constructor.name, ev.type, ev.data, Array.isArray(ev.ports), ev.ports.length, ev.target === port2);
  port2.removeEventListener('message', onFirst);
}
const seen = [];
function onAll(ev) {
  seen.push(ev.data);
  if (ev.data === 'c') {
    console.log('onAll saw', seen);
    port2.close();
  }
}
port2.addEventListener('message', onFirst);
port2.addEventListener('message', onAll);
port2.addEventListener('message', (ev) => console.log('{ once: true } listener', ev.data), { once: true });
// addEventListener does not start the port: messages wait until start().
port1.postMessage('a');
port1.postMessage('b');
port1.postMessage('c');
port2.start();
