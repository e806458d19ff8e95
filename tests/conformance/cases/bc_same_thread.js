// BroadcastChannel: other instances with the same name receive; the sender and other names do not.
const { BroadcastChannel } = require('worker_threads');

console.log('global is the same', globalThis.BroadcastChannel === BroadcastChannel);
const a = new BroadcastChannel('news');
const b = new BroadcastChannel('news');
const c = new BroadcastChannel('sports');
console.log(a.name, c.name, a);
a.onmessage = (ev) => console.log('a got its own message (wrong)', ev.data);
c.onmessage = (ev) => console.log('c got (wrong)', ev.data);
let n = 0;
b.onmessage = (ev) => {
  console.log('b got', ev.constructor.name, ev.type, ev.data, ev.target === b);
  if (++n === 2) {
    a.close();
    b.close();
    c.close();
    console.log('closed', a);
  }
};
a.postMessage({ headline: 'first' });
a.postMessage(['second', 2n]);
