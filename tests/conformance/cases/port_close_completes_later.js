// close() completes in a later turn, as Node's: what the other side posts
// meanwhile still arrives (receiveMessageOnPort reads it), what this side
// posts is dropped, and 'close' comes after.
const { MessageChannel, MessagePort, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
console.log(typeof port1.hasRef, port1 instanceof MessagePort);
console.log('onmessage initial', port1.onmessage, port1.onmessageerror);
console.log('hasRef before', port1.hasRef && port1.hasRef());
port2.postMessage('a');
port2.postMessage('b');
console.log(receiveMessageOnPort(port1));
console.log(receiveMessageOnPort(port1));
console.log(receiveMessageOnPort(port1));
try { receiveMessageOnPort({}); } catch (e) { console.log(e.name, e.code, e.message); }
try { receiveMessageOnPort(); } catch (e) { console.log(e.name, e.code, e.message); }
port1.close();
port1.close();
console.log('closed twice ok');
try { port2.postMessage('after close'); console.log('post after close no throw'); } catch (e) { console.log('throw', e.message); }
port1.postMessage('self closed'); console.log('post on closed port ok');
console.log(receiveMessageOnPort(port1));
port2.on('close', () => console.log('port2 close'));
port1.on('close', () => console.log('port1 close'));
