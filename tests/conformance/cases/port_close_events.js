// close() on one end fires 'close' on both ends; messages sent before close() still arrive.
const { port1, port2 } = new MessageChannel();

const done = [];
function finish(what) {
  done.push(what);
  if (done.length === 3) {
    console.log(done.sort());
    console.log('posting on a closed port does not throw');
    port1.postMessage('dropped');
    port2.postMessage('dropped');
    port1.close(); // closing twice is harmless
    console.log('end');
  }
}
port2.on('message', (m) => {
  console.log('port2 got', m);
  if (m === 'last') finish('last message');
});
port1.on('message', () => {});
port1.on('close', () => finish('port1 close'));
port2.on('close', () => finish('port2 close'));
port1.postMessage('first');
port1.postMessage('last');
port1.close();
