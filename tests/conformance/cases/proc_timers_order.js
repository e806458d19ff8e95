// Ordering of synchronous code, nextTick, microtasks, setImmediate and timers.
// Timers are only started from callbacks whose phase makes the order certain
// (a 0 ms timeout racing a setImmediate from the main script is not deterministic in Node).
const order = [];
const log = (x) => order.push(x);
function second() {
  log('timeout A');
  setImmediate(() => log('immediate from timeout'));
  setTimeout(() => {
    log('timeout 0 from timeout');
    setTimeout(() => {
      log('timeout 10 last');
      console.log(order.join('\n'));
    }, 10);
  }, 0);
  process.nextTick(() => log('nextTick from timeout'));
  Promise.resolve().then(() => log('promise from timeout'));
}
setImmediate(() => {
  log('immediate 1');
  process.nextTick(() => log('nextTick from immediate 1'));
  Promise.resolve().then(() => log('promise from immediate 1'));
});
setImmediate(() => {
  log('immediate 2');
  setTimeout(second, 5);
});
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => log('nextTick from promise'));
}).then(() => log('promise 2'));
queueMicrotask(() => log('queueMicrotask'));
process.nextTick(() => {
  log('nextTick 1');
  Promise.resolve().then(() => log('promise from nextTick'));
  process.nextTick(() => log('nextTick nested'));
});
process.nextTick(() => log('nextTick 2'));
log('sync');
