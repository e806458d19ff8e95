// Transferring a port through itself throws; a transferred port cannot be used or sent again.
const { MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
try {
  port1.postMessage(port1, [port1]);
  console.log('no error');
} catch (e) {
  console.log('self:', e.name, e.code, e.message, e instanceof DOMException);
}
try {
  port1.postMessage({ p: port2 });
  console.log('no error');
} catch (e) {
  console.log('not in transfer list:', e.name, e.code, e.message);
}
const other = new MessageChannel();
other.port1.postMessage({ p: port2 }, [port2]);
try {
  other.port1.postMessage({ p: port2 }, [port2]);
  console.log('no error');
} catch (e) {
  console.log('already transferred:', e.name, e.code, e.message);
}
port1.close();
other.port1.close();
console.log('done');
