const { parentPort, workerData } = require('worker_threads');
const dep = require('dep');
parentPort.postMessage({
  file: __filename,
  isMain: require.main === module,
  id: module.id,
  dep: dep.describe(workerData.n),
  shared: require('#shared'),
  sameDep: require('dep') === dep,
});
