// port.close(callback): the callback runs as a one-time 'close' listener
// (also when the port is already closing; a non-function is ignored). The
// other side hears 'close' even if it was never started, once nothing else
// is queued for it; messages queued before the close wait for a start and
// come first. Each scenario runs after the previous one has finished.
const { MessageChannel } = require('worker_threads');

const scenarios = [
  (done) => {
    const { port1, port2 } = new MessageChannel();
    port2.on('close', () => { console.log('1: unstarted peer heard close'); done(); });
    port1.close(() => console.log('1: close callback'));
  },
  (done) => {
    const { port1, port2 } = new MessageChannel();
    port1.on('close', () => console.log('2: close event before the callback'));
    port1.close(5);  // ignored
    port1.close(() => { console.log('2: callback of a second close() call'); done(); });
    port2.on('message', () => {});
  },
  (done) => {
    const { port1, port2 } = new MessageChannel();
    port2.on('close', () => { console.log('3: close after the queued messages'); done(); });
    port1.postMessage('a');
    port1.postMessage('b');
    port1.close();
    setTimeout(() => {
      console.log('3: starting the peer now');
      port2.on('message', (m) => console.log('3: got', m));
    }, 20);
  },
];

const keepAlive = setInterval(() => {}, 1000);
(function next(i) {
  if (i === scenarios.length) return clearInterval(keepAlive);
  scenarios[i](() => setTimeout(() => next(i + 1), 5));
})(0);
