// Setting port.onmessage starts the port; the handler receives a MessageEvent.
const { port1, port2 } = new MessageChannel();

port1.postMessage('queued before handler');
console.log('onmessage initially', port2.onmessage);
setTimeout(() => {
  port2.onmessage = (ev) => {
    console.log('onmessage', ev.type, ev.data);
    if (ev.data === 'after') {
      console.log('typeof getter', typeof port2.onmessage);
      port2.onmessage = null;
      console.log('cleared', port2.onmessage);
      port2.close();
    }
  };
  port1.postMessage('after');
}, 10);
