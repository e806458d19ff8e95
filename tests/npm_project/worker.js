// Worker for main.js: requires packages from node_modules inside the worker
// and posts a result computed from workerData.
'use strict';
const { parentPort, workerData } = require('worker_threads');
const _ = require('lodash');
const dayjs = require('dayjs');
dayjs.extend(require('dayjs/plugin/utc'));

const words = workerData.words;
parentPort.postMessage({
  sorted: _.sortedUniq(_.sortBy(words)),
  counts: _.countBy(words),
  longest: _.maxBy(words, 'length'),
  date: dayjs.utc('2000-01-01T00:00:00Z').add(words.length, 'week').format('YYYY-MM-DD'),
  sameLodash: require('lodash') === _,
});
