// ref() after unref() keeps the process alive again until the port is closed.
const { port1, port2 } = new MessageChannel();

port2.on('message', (m) => {
  console.log('got', m);
  if (m === 'close') port2.close();
});
port2.unref();
port2.ref();
setTimeout(() => {
  port1.postMessage('from a timer');
  port1.postMessage('close');
}, 10);
process.on('exit', (code) => console.log('process exit', code));
