// setEnvironmentData/getEnvironmentData: workers get a copy of the data as it was when they were created.
const { Worker, isMainThread, parentPort, getEnvironmentData, setEnvironmentData } = require('worker_threads');

if (isMainThread) {
  console.log('unset key', getEnvironmentData('missing'));
  setEnvironmentData('config', { level: 1, list: [1, 2] });
  setEnvironmentData(42, 'numeric key');
  setEnvironmentData('removed', 'soon gone');
  setEnvironmentData('removed', undefined);
  const w = new Worker(__filename);
  setEnvironmentData('late', 'set after the worker was created');
  console.log('main sees', getEnvironmentData('config'), getEnvironmentData('late'));
  w.on('message', (m) => console.log('worker saw', m));
  w.on('exit', (code) => {
    console.log('exit', code, 'main config unchanged', getEnvironmentData('config'));
  });
} else {
  const config = getEnvironmentData('config');
  const result = {
    config,
    numeric: getEnvironmentData(42),
    removed: getEnvironmentData('removed'),
    late: getEnvironmentData('late'),
  };
  config.level = 99;
  setEnvironmentData('config', 'changed in worker');
  result.afterSet = getEnvironmentData('config');
  parentPort.postMessage(result);
}
