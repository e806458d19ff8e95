// node:worker_threads. Issue #4 builds Worker, MessageChannel and the bus on
// the runtime; for now every job runs one worker, Node's main thread.
'use strict';

const info = internals.info;

module.exports = {
  isMainThread: info.isMainThread,
  parentPort: null,
  workerData: null,
  threadId: info.threadId,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
};
