// A port cannot be transferred through itself; sending it through its partner loses the channel.
const { port1, port2 } = new MessageChannel();

try {
  port1.postMessage('x', [port1]);
  console.log('no error');
} catch (e) {
  console.log('through itself:', e.name, e.code, e.message);
}
try {
  port1.postMessage({ p: port1 }, [port1]);
} catch (e) {
  console.log('inside message:', e.name, e.message);
}
// port1 is still usable afterwards.
port2.once('message', (m) => {
  console.log('port still works:', m);
  port2.close();
});
port1.postMessage('still open');
