// receiveMessageOnPort() pulls one queued message synchronously, or returns undefined.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
console.log('empty', receiveMessageOnPort(port2));
port1.postMessage({ hello: 'world' });
port1.postMessage([1, 2, 3]);
port1.postMessage(undefined);
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
const third = receiveMessageOnPort(port2);
console.log(third, 'message' in third);
console.log('drained', receiveMessageOnPort(port2));

// It also works while a listener is attached: the pulled message is not delivered again.
port2.on('message', (m) => {
  console.log('listener got', m);
  port2.close();
});
port1.postMessage('pulled');
port1.postMessage('delivered');
console.log(receiveMessageOnPort(port2));
try {
  receiveMessageOnPort({});
} catch (e) {
  console.log(e.name, e.code, e.message);
}
