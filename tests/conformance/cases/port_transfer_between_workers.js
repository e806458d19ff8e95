// Main creates a channel and gives one end to each of two workers, which then talk directly.
const { Worker, MessageChannel, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  const a = new Worker(__filename, { workerData: { role: 'A', port: port1 }, transferList: [port1] });
  const b = new Worker(__filename, { workerData: { role: 'B', port: port2 }, transferList: [port2] });
  // The two workers run independently: collect, then print in a fixed order.
  const run = (w) => new Promise((resolve) => {
    const msgs = [];
    w.on('message', (m) => msgs.push(m));
    w.on('exit', (code) => resolve({ msgs, code }));
  });
  Promise.all([run(a), run(b)]).then(([ra, rb]) => {
    console.log('A', ra);
    console.log('B', rb);
  });
} else {
  const { role, port } = workerData;
  if (role === 'A') {
    port.postMessage(1);
    port.on('message', (n) => {
      if (n >= 6) { parentPort.postMessage('final ' + n); port.close(); return; }
      port.postMessage(n + 1);
    });
  } else {
    const seen = [];
    port.on('message', (n) => { seen.push(n); port.postMessage(n * 2); });
    port.on('close', () => parentPort.postMessage(seen));
  }
}
