// process.exit() inside a worker stops it at once wherever it is called: in
// a message listener, a timer, a microtask, an immediate, inside try/finally.
// Nothing after the call runs (no later statement, no finally block, no
// later callback), 'exit' fires with the code, and the message posted
// before the call still arrives. Workers run one after another.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const places = ['message', 'timer', 'microtask', 'immediate', 'finally', 'exit listener'];
  (async () => {
    for (const where of places) {
      const w = new Worker(__filename, { workerData: where });
      const got = [];
      w.on('message', (m) => got.push(m));
      if (where === 'message') w.postMessage('go');
      const code = await new Promise((resolve) => w.on('exit', resolve));
      console.log(`${where}: exit ${code}, got [${got.join(', ')}]`);
    }
  })();
} else {
  const stop = () => {
    parentPort.postMessage('before');
    process.exit(5);
    parentPort.postMessage('after');  // never runs
  };
  switch (workerData) {
    case 'message':
      parentPort.once('message', () => { stop(); parentPort.postMessage('after listener'); });
      break;
    case 'timer':
      setTimeout(() => { stop(); parentPort.postMessage('after timer'); }, 1);
      break;
    case 'microtask':
      Promise.resolve().then(stop).then(() => parentPort.postMessage('after microtask'));
      break;
    case 'immediate':
      setImmediate(stop);
      setImmediate(() => parentPort.postMessage('after immediate'));
      break;
    case 'finally':
      try { stop(); } finally { parentPort.postMessage('finally'); }
      break;
    case 'exit listener':
      process.on('exit', (code) => parentPort.postMessage('exit listener saw ' + code));
      stop();
      break;
  }
}
