// The side that calls close() hears its own 'close' even though it never
// listened for messages, once, and also when its listener comes after the
// close() call. (Several ports closed in one go: Node emits their 'close'
// events in libuv's order, last closed first; not checked here.)
const { MessageChannel } = require('worker_threads');

const a = new MessageChannel();
a.port1.on('close', () => {
  console.log('a.port1 close');
  const b = new MessageChannel();
  b.port1.close();
  b.port1.on('close', () => console.log('b.port1 close, listener added after close()'));
  console.log('b closed');
});
a.port1.close();
a.port1.close();  // twice: still one event
console.log('sync end');
