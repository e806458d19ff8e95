// An exception thrown inside a MessagePort listener in main is an uncaught exception.
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => {
  console.log('listener got', m);
  throw new Error('thrown from listener');
});
process.on('exit', (code) => console.log('exit', code));
port1.postMessage('trigger');
