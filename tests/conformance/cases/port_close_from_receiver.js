// Closing the receiving end from inside a listener stops further deliveries.
const { port1, port2 } = new MessageChannel();

let count = 0;
port2.on('message', (m) => {
  count++;
  console.log('got', m);
  if (m === 2) port2.close();
});
port1.on('message', () => {});
port1.on('close', () => {
  console.log('port1 saw close; messages received', count);
});
for (let i = 0; i < 5; i++) port1.postMessage(i);
