// resourceLimits: echoed by worker.resourceLimits in the parent and by
// require('worker_threads').resourceLimits inside the worker; {} after exit and in main.
// All four limits are given: unspecified ones read as -1 until the worker
// thread starts and then as V8's machine-dependent defaults, which is racy.
const { Worker, resourceLimits } = require('worker_threads');

console.log('main resourceLimits', resourceLimits);
const limits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8, codeRangeSizeMb: 16, stackSizeMb: 2 };
const w = new Worker(`
  const wt = require('worker_threads');
  wt.parentPort.postMessage(wt.resourceLimits);
`, { eval: true, resourceLimits: limits });
console.log('parent view before online', w.resourceLimits);
w.on('message', (m) => console.log('worker view', m));
w.on('exit', (code) => {
  console.log('exit', code, 'parent view after exit', w.resourceLimits);
});
