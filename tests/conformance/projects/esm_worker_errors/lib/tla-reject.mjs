import { parentPort } from 'worker_threads';
parentPort.postMessage('before the rejection');
await Promise.reject(new RangeError('worker top-level rejection'));
