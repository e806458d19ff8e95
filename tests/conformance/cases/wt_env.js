// The env option: a private copy of process.env by default, or an explicit object.
const { Worker, SHARE_ENV } = require('worker_threads');

process.env.ISLET_CONF_A = 'from-main';
const probe = `
  const { parentPort } = require('worker_threads');
  const before = [process.env.ISLET_CONF_A, process.env.ISLET_CONF_B, typeof process.env.ISLET_CONF_N];
  process.env.ISLET_CONF_A = 'changed-in-worker';
  process.env.ISLET_CONF_N = 5;
  parentPort.postMessage({ before, after: process.env.ISLET_CONF_A, n: process.env.ISLET_CONF_N, nType: typeof process.env.ISLET_CONF_N });
`;

function run(opts) {
  return new Promise((resolve) => {
    const w = new Worker(probe, { eval: true, ...opts });
    w.on('message', resolve);
  });
}

(async () => {
  console.log('default', await run({}));
  console.log('main sees', process.env.ISLET_CONF_A);
  console.log('explicit', await run({ env: { ISLET_CONF_B: 'only-b', ISLET_CONF_NUM: 1 } }));
  console.log('main sees', process.env.ISLET_CONF_A);
  console.log('SHARE_ENV is a symbol', typeof SHARE_ENV);
  console.log('shared', await run({ env: SHARE_ENV }));
  console.log('main sees', process.env.ISLET_CONF_A, process.env.ISLET_CONF_N);
})();
