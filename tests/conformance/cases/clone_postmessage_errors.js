// postMessage with an uncloneable value throws synchronously in the sender; nothing is sent.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  const got = [];
  parentPort.on('message', (m) => {
    got.push(m);
    if (m === 'end') { parentPort.postMessage(got); parentPort.close(); }
  });
`, { eval: true });

for (const bad of [() => {}, Symbol('s'), { w: new WeakMap() }]) {
  try {
    w.postMessage(bad);
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.message);
  }
}
const { port1, port2 } = new MessageChannel();
try {
  port1.postMessage({ f() {} });
} catch (e) {
  console.log('port:', e.name, e.message);
}
port1.close();
w.postMessage('ok');
w.postMessage('end');
w.on('message', (m) => console.log('worker received only', m));
w.on('exit', (code) => console.log('exit', code));
