// require('os'): the shape of what it reports, the same on any machine
// (the values themselves differ from one machine to the next; on this
// project's machine they were compared with Node's by hand).
const os = require('os');
const kind = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
console.log(Object.keys(os).join(','));
console.log(os.EOL === '\n', os.devNull, os.arch() === process.arch, os.platform() === process.platform,
            os.type(), os.endianness(), `${os.arch}` === os.arch(), +os.totalmem === os.totalmem());
for (const name of ['release', 'version', 'machine', 'hostname', 'homedir', 'tmpdir']) {
  console.log(name, kind(os[name]()), os[name]().length > 0);
}
const n = os.availableParallelism();
console.log('parallelism', Number.isInteger(n) && n >= 1);
const cpus = os.cpus();
console.log('cpus', cpus.length >= 1, cpus.every((c) => typeof c.model === 'string' &&
  typeof c.speed === 'number' && Object.keys(c.times).join(',') === 'user,nice,sys,idle,irq' &&
  Object.values(c.times).every((t) => Number.isInteger(t) && t >= 0)));
console.log('memory', Number.isInteger(os.totalmem()), os.freemem() > 0 && os.freemem() <= os.totalmem());
console.log('uptime', typeof os.uptime(), os.uptime() > 0, 'loadavg', os.loadavg().length,
            os.loadavg().every((x) => typeof x === 'number' && x >= 0));
const user = os.userInfo();
console.log('userInfo', Object.getPrototypeOf(user), Object.keys(user).join(','),
            Number.isInteger(user.uid), Number.isInteger(user.gid), kind(user.username), kind(user.shell));
console.log('priority', Number.isInteger(os.getPriority()), os.getPriority() === os.getPriority(0));
const ifs = os.networkInterfaces();
const entries = Object.values(ifs).flat();
console.log('interfaces', entries.length > 0, entries.every((a) =>
  (a.family === 'IPv4' || a.family === 'IPv6') && typeof a.address === 'string' &&
  typeof a.netmask === 'string' && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(a.mac) &&
  typeof a.internal === 'boolean' && (a.cidr === null || a.cidr.startsWith(a.address + '/')) &&
  (a.family === 'IPv6') === ('scopeid' in a)));
const lo = entries.find((a) => a.internal && a.family === 'IPv4');
console.log('loopback', lo && lo.address, lo && lo.netmask, lo && lo.cidr, lo && lo.mac);
console.log(os.constants.signals.SIGTERM, os.constants.errno.ENOENT, os.constants.priority.PRIORITY_LOW,
            Object.getPrototypeOf(os.constants.signals), Object.keys(os.constants).join(','),
            require('node:os') === os);
for (const f of [() => os.getPriority('x'), () => os.getPriority(1.5)]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
