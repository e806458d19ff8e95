// A port with a 'message' listener keeps the process alive unless it is unref'ed.
const { port1, port2 } = new MessageChannel();

port2.on('message', (m) => console.log('never printed', m));
port2.unref();
port1.on('message', (m) => console.log('never printed', m));
port1.unref();
process.on('exit', (code) => console.log('process exit', code, 'with both ports still open'));
console.log('end of script');
