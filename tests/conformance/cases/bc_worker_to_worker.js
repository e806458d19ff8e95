// A worker's broadcast reaches another worker and main, not itself.
const { Worker, BroadcastChannel, isMainThread, workerData, parentPort } = require('worker_threads');

if (isMainThread) {
  const ch = new BroadcastChannel('relay');
  const fromBc = [];
  const mainHeardLast = new Promise((resolve) => {
    ch.onmessage = ({ data }) => {
      fromBc.push(data);
      if (data === 'last') resolve();
    };
  });
  const heard = [];
  let speakerExit;
  const listener = new Worker(__filename, { workerData: 'listener' });
  const listenerExit = new Promise((r) => listener.on('exit', r));
  listener.on('message', (m) => {
    if (m === 'ready') {
      const speaker = new Worker(__filename, { workerData: 'speaker' });
      speaker.on('message', (x) => heard.push(x));
      speakerExit = new Promise((r) => speaker.on('exit', r));
    } else {
      heard.push(m);
    }
  });
  // Three independent threads: wait for all of them, then print.
  Promise.all([mainHeardLast, listenerExit]).then(async ([, listenerCode]) => {
    const speakerCode = await speakerExit;
    console.log(heard);
    console.log('main heard', fromBc);
    console.log('exit codes', { listenerCode, speakerCode });
    ch.close();
  });
} else if (workerData === 'listener') {
  const ch = new BroadcastChannel('relay');
  ch.onmessage = ({ data }) => {
    parentPort.postMessage('listener heard ' + data);
    if (data === 'last') ch.close();
  };
  parentPort.postMessage('ready');
} else {
  const ch = new BroadcastChannel('relay');
  ch.onmessage = ({ data }) => parentPort.postMessage('speaker heard itself (wrong) ' + data);
  ch.postMessage('one');
  ch.postMessage('two');
  ch.postMessage('last');
  ch.close();
}
