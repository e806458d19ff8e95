// islet npm fixture: real CommonJS packages from npm (installed by `npm ci`),
// each used deterministically (fixed inputs and dates, UTC only, no clock, no
// randomness), plus one worker_threads Worker that requires a package too.
// Node 20's output is expected.stdout.
'use strict';
const { Worker } = require('worker_threads');
const minimist = require('minimist');
const dayjs = require('dayjs');
const Ajv = require('ajv');
const async = require('async');
const _ = require('lodash');

dayjs.extend(require('dayjs/plugin/utc'));
dayjs.extend(require('dayjs/plugin/customParseFormat'));
dayjs.extend(require('dayjs/plugin/relativeTime'));
dayjs.extend(require('dayjs/plugin/isoWeek'));
dayjs.extend(require('dayjs/plugin/duration'));
dayjs.extend(require('dayjs/plugin/advancedFormat'));
require('dayjs/locale/de');

const section = (name) => console.log(`== ${name}`);

function useMinimist() {
  section('minimist');
  const argv = ['--name', 'islet', '-v', '-n', '3', 'input.txt', '--no-color',
                '--tag=a', '--tag=b', '-xyz', '--', '--not-a-flag'];
  const opts = { string: ['name'], boolean: ['v'], alias: { n: 'count' }, default: { mode: 'fast' } };
  console.log(JSON.stringify(minimist(argv, opts)));
  console.log(JSON.stringify(minimist(['-abc', '--x.y=1', '--empty='], { '--': true })));
}

function useDayjs() {
  section('dayjs');
  const t = dayjs.utc('2024-02-28T13:45:30.123Z');
  console.log(t.format('YYYY-MM-DD HH:mm:ss.SSS [UTC] dddd'), t.isoWeek(), t.format('Do Q X'));
  console.log(t.add(1, 'day').format('YYYY-MM-DD'), t.add(2, 'day').format('YYYY-MM-DD'),
              t.subtract(1, 'month').endOf('month').toISOString());
  const parsed = dayjs.utc('31.12.2023 23:59', 'DD.MM.YYYY HH:mm', true);
  console.log(parsed.isValid(), parsed.toISOString(), dayjs.utc('31.02.2023', 'DD.MM.YYYY', true).isValid());
  console.log(t.diff(parsed, 'day'), t.diff(parsed, 'hour', true).toFixed(3), parsed.from(t), t.to(parsed, true));
  console.log(dayjs.duration({ hours: 26, minutes: 5 }).asMinutes(),
              dayjs.duration(90061000).format('D[d] HH:mm:ss'));
  console.log(t.locale('de').format('dddd, D. MMMM YYYY'), parsed.locale('de').from(t));
  console.log(dayjs.utc('2024-03-31').isBefore(t), dayjs.utc(0).toISOString(), t.valueOf(), t.unix());
}

function useAjv() {
  section('ajv');
  const ajv = new Ajv({ allErrors: true });
  ajv.addSchema({
    $id: 'https://example.com/schemas/address.json',
    type: 'object',
    properties: { city: { type: 'string', minLength: 1 }, zip: { type: 'string', pattern: '^[0-9]{5}$' } },
    required: ['city'],
  });
  const validate = ajv.compile({
    $id: 'https://example.com/schemas/person.json',
    type: 'object',
    properties: {
      name: { type: 'string' },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      email: { type: 'string', pattern: '^[^@]+@[^@]+$' },
      tags: { type: 'array', items: { enum: ['admin', 'user', 'guest'] }, uniqueItems: true },
      address: { $ref: 'address.json' },
    },
    required: ['name', 'age'],
    additionalProperties: false,
  });
  const samples = [
    { name: 'Ada', age: 36, email: 'ada@example.com', tags: ['admin'], address: { city: 'London', zip: '12345' } },
    { name: 'Bob', age: -1, tags: ['user', 'user', 'root'], address: { zip: 'x1' }, extra: true },
    { age: 3.5 },
  ];
  for (const s of samples) {
    const ok = validate(s);
    console.log(ok, ok ? '' : ajv.errorsText(validate.errors, { separator: ' | ' }));
  }
  console.log(JSON.stringify(validate.errors.map((e) => [e.instancePath, e.keyword, e.params])));
}

async function useAsync() {
  section('async');
  const log = [];
  const squares = await async.mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
    await new Promise((r) => setImmediate(r));
    return n * n;
  });
  console.log(JSON.stringify(squares));
  const waterfall = await new Promise((resolve, reject) => async.waterfall([
    (cb) => cb(null, 2),
    (x, cb) => setImmediate(() => cb(null, x * 10, 'tag')),
    (x, tag, cb) => cb(null, `${tag}:${x + 1}`),
  ], (err, out) => (err ? reject(err) : resolve(out))));
  console.log(waterfall);
  const q = async.queue((task, cb) => { log.push(`start ${task}`); setImmediate(() => { log.push(`end ${task}`); cb(null, task.length); }); }, 2);
  const lengths = [];
  for (const t of ['alpha', 'be', 'gamma', 'd']) q.push(t, (err, len) => lengths.push(`${t}=${len}`));
  await q.drain();
  console.log(log.join(', '));
  console.log(lengths.join(' '));
  const series = await async.series({ one: async () => 1, two: async () => 2 });
  console.log(JSON.stringify(series));
  const settled = await async.reflectAll([async () => 'fine', async () => { throw new Error('nope'); }]);
  await new Promise((resolve) => async.parallel(settled, (err, results) => {
    console.log(JSON.stringify(results.map((r) => (r.error ? `error:${r.error.message}` : `value:${r.value}`))));
    resolve();
  }));
  console.log(JSON.stringify(await async.filterSeries([5, 8, 13, 21], async (n) => n % 2 === 1)));
}

function useLodash() {
  section('lodash');
  const people = [
    { name: 'carol', dept: 'eng', age: 41 }, { name: 'alice', dept: 'ops', age: 29 },
    { name: 'bob', dept: 'eng', age: 35 }, { name: 'dave', dept: 'ops', age: 29 },
  ];
  console.log(JSON.stringify(_.mapValues(_.groupBy(people, 'dept'), (g) => _.map(g, 'name'))));
  console.log(JSON.stringify(_.map(_.sortBy(people, ['age', 'name']), 'name')), _.sumBy(people, 'age'));
  console.log(JSON.stringify(_.chunk(_.range(1, 8), 3)), JSON.stringify(_.zip(['a', 'b'], [1, 2])));
  const merged = _.merge({ a: { b: [1, { c: 1 }] } }, { a: { b: [2, { d: 2 }] }, e: 3 });
  const copy = _.cloneDeep(merged);
  copy.a.b[1].c = 99;
  console.log(JSON.stringify(merged), _.isEqual(merged, copy), _.get(merged, 'a.b[1].d'), _.get(merged, 'x.y', 'dflt'));
  console.log(_.camelCase('Foo Bar-baz'), _.kebabCase('fooBarBaz'), _.startCase('hello_world'), _.padStart('7', 3, '0'));
  console.log(_.template('Hello <%= user %>, <%- count %> item<% if (count > 1) { %>s<% } %> for <%- tag %>')({ user: 'Ada', count: 3, tag: '<b>' }));
  console.log(JSON.stringify(_.countBy([6.1, 4.2, 6.3], Math.floor)), JSON.stringify(_.uniqBy([2.1, 1.2, 2.3], Math.floor)));
  const memo = _.memoize((n) => n * 2);
  memo(2); memo(2);
  console.log(memo.cache.size, _.VERSION, JSON.stringify(_.partition([1, 2, 3, 4], (n) => n % 2)));
}

function runWorker() {
  section('worker');
  return new Promise((resolve, reject) => {
    const w = new Worker('./worker.js', { workerData: { words: ['delta', 'alpha', 'charlie', 'bravo', 'alpha'] } });
    let result;
    w.on('message', (m) => { result = m; });
    w.on('error', reject);
    w.on('exit', (code) => {
      console.log('worker result', JSON.stringify(result));
      console.log('worker exit', code);
      resolve();
    });
  });
}

(async () => {
  useMinimist();
  useDayjs();
  useAjv();
  await useAsync();
  useLodash();
  await runWorker();
  console.log('done');
})();
