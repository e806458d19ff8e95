const { parentPort, workerData } = require('worker_threads');
parentPort.postMessage({ kind: typeof require === 'undefined' ? 'esm' : 'cjs', file: __filename, workerData });
