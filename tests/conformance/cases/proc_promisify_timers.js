// util.promisify with timers (custom promisified forms) and with callback-style functions.
const util = require('util');
const timers = require('timers');

(async () => {
  const sleep = util.promisify(setTimeout);
  console.log('promisify(setTimeout)', await sleep(2, 'value-a'));
  console.log('promisify(setImmediate)', await util.promisify(setImmediate)('value-b'));
  console.log('timers module matches globals', timers.setTimeout === setTimeout, timers.setImmediate === setImmediate,
    timers.clearInterval === clearInterval);
  const fn = util.promisify((x, cb) => cb(null, x * 2));
  console.log('custom promisify', await fn(21));
  const failing = util.promisify((cb) => cb(new Error('cb error')));
  await failing().catch((e) => console.log('rejected with', e.message));
  const custom = () => {};
  custom[util.promisify.custom] = () => Promise.resolve('from custom symbol');
  console.log(await util.promisify(custom)());
  console.log('same symbol', util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
})();
