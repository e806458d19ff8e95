import { parentPort, workerData, isMainThread, threadId } from 'worker_threads';
import { helper } from './helper.mjs';
await null; // top-level await works in a worker entry too
parentPort.postMessage({
  kind: typeof require === 'undefined' ? 'esm' : 'cjs',
  url: import.meta.url,
  isMainThread, threadId, workerData, helper: helper(),
});
