// BroadcastChannel supports addEventListener/removeEventListener; unref lets the process exit.
const { BroadcastChannel } = require('worker_threads');

const tx = new BroadcastChannel('ev');
const rx = new BroadcastChannel('ev');
const all = [];
function first(ev) {
  console.log('first', ev.data);
  rx.removeEventListener('message', first);
}
rx.addEventListener('message', first);
rx.addEventListener('message', (ev) => {
  all.push(ev.data);
  if (ev.data === 3) {
    console.log('all', all);
    rx.unref();
    console.log('rx unref()ed; tx closed; process can exit');
    tx.close();
  }
});
tx.postMessage(1);
tx.postMessage(2);
tx.postMessage(3);
process.on('exit', (code) => console.log('exit', code));
