import { parentPort, workerData } from 'node:worker_threads';
parentPort.postMessage({ kind: typeof require === 'undefined' ? 'esm' : 'cjs', url: import.meta.url, workerData });
