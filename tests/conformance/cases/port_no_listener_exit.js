// An open channel with no 'message' listeners does not keep the process alive.
const { port1, port2 } = new MessageChannel();

port1.postMessage('unread');
port2.on('close', () => console.log('close listeners alone do not keep it alive'));
process.on('exit', (code) => console.log('process exit', code));
console.log('end of script');
