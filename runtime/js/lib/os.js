// require('os'): Node's os module, about the machine the daemon runs on
// (a worker's process is the daemon's). os.setPriority is refused: it
// would change the daemon's priority, not one worker's.
'use strict';
const osBinding = internalBinding('os');

// os.constants: Linux's values, as Node 20 lists them.
const CONSTANTS = Object.assign(Object.create(null), nullPrototypes({
  UV_UDP_REUSEADDR: 4,
  dlopen: {
    RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8
  },
  errno: {
    E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAFNOSUPPORT: 97, EAGAIN: 11,
    EALREADY: 114, EBADF: 9, EBADMSG: 74, EBUSY: 16, ECANCELED: 125, ECHILD: 10,
    ECONNABORTED: 103, ECONNREFUSED: 111, ECONNRESET: 104, EDEADLK: 35, EDESTADDRREQ: 89,
    EDOM: 33, EDQUOT: 122, EEXIST: 17, EFAULT: 14, EFBIG: 27, EHOSTUNREACH: 113, EIDRM: 43,
    EILSEQ: 84, EINPROGRESS: 115, EINTR: 4, EINVAL: 22, EIO: 5, EISCONN: 106, EISDIR: 21,
    ELOOP: 40, EMFILE: 24, EMLINK: 31, EMSGSIZE: 90, EMULTIHOP: 72, ENAMETOOLONG: 36,
    ENETDOWN: 100, ENETRESET: 102, ENETUNREACH: 101, ENFILE: 23, ENOBUFS: 105, ENODATA: 61,
    ENODEV: 19, ENOENT: 2, ENOEXEC: 8, ENOLCK: 37, ENOLINK: 67, ENOMEM: 12, ENOMSG: 42,
    ENOPROTOOPT: 92, ENOSPC: 28, ENOSR: 63, ENOSTR: 60, ENOSYS: 38, ENOTCONN: 107, ENOTDIR: 20,
    ENOTEMPTY: 39, ENOTSOCK: 88, ENOTSUP: 95, ENOTTY: 25, ENXIO: 6, EOPNOTSUPP: 95,
    EOVERFLOW: 75, EPERM: 1, EPIPE: 32, EPROTO: 71, EPROTONOSUPPORT: 93, EPROTOTYPE: 91,
    ERANGE: 34, EROFS: 30, ESPIPE: 29, ESRCH: 3, ESTALE: 116, ETIME: 62, ETIMEDOUT: 110,
    ETXTBSY: 26, EWOULDBLOCK: 11, EXDEV: 18
  },
  signals: {
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
    SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
    SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21,
    SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28,
    SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31
  },
  priority: {
    PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20
  },
}));
function nullPrototypes(o) {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'object' && v !== null) {
      o[k] = Object.assign(Object.create(null), nullPrototypes(v));
    }
  }
  return o;
}

const { invalidArgType, outOfRange } = require('internal/errors');

const info = () => osBinding.osInfo();
const withPrimitive = (fn) => {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
};

function cidr(address, netmask, family) {
  let ones = 0;
  let ok = true;
  let seenZero = false;
  const parts = family === 'IPv4' ? netmask.split('.').map(Number)
      : netmask.split(':').map((h) => parseInt(h || '0', 16));
  const width = family === 'IPv4' ? 8 : 16;
  if (family === 'IPv6' && netmask.includes('::')) {
    // Expand '::' to the missing zero groups.
    const [head, tail] = netmask.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    parts.length = 0;
    for (const g of h) parts.push(parseInt(g, 16));
    for (let i = h.length + t.length; i < 8; i++) parts.push(0);
    for (const g of t) parts.push(parseInt(g, 16));
  }
  for (const part of parts) {
    for (let bit = width - 1; bit >= 0; bit--) {
      if ((part >> bit) & 1) {
        if (seenZero) ok = false;
        ones++;
      } else {
        seenZero = true;
      }
    }
  }
  return ok ? address + '/' + ones : null;
}

function checkPid(pid) {
  if (typeof pid !== 'number') throw invalidArgType('pid', 'of type number', pid);
  if (!Number.isInteger(pid)) throw outOfRange('pid', 'an integer', pid);
  if (pid < -2147483648 || pid > 2147483647) {
    throw outOfRange('pid', '>= -2147483648 && <= 2147483647', pid);
  }
}

const os = {
  arch: withPrimitive(() => process.arch),
  availableParallelism: withPrimitive(() => info().parallelism),
  cpus() {
    return osBinding.osCpus().map(([model, speed, user, nice, sys, idle, irq]) =>
      ({ model, speed, times: { user, nice, sys, idle, irq } }));
  },
  endianness: withPrimitive(() => 'LE'),
  freemem: withPrimitive(() => info().freemem),
  getPriority(pid = 0) {
    checkPid(pid);
    if (pid !== 0 && pid !== process.pid) {
      const e = new Error('os.getPriority() of another process is not supported in islet');
      e.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
      throw e;
    }
    return info().priority;
  },
  homedir: withPrimitive(() => info().homedir),
  hostname: withPrimitive(() => info().hostname),
  loadavg() { return info().loadavg; },
  networkInterfaces() {
    const out = {};
    for (const [name, family, address, netmask, mac, internal, scopeid] of osBinding.osInterfaces()) {
      const entry = { address, netmask, family, mac, internal,
                      cidr: cidr(address, netmask, family) };
      if (family === 'IPv6') entry.scopeid = scopeid;
      (out[name] ??= []).push(entry);
    }
    return out;
  },
  platform: withPrimitive(() => process.platform),
  release: withPrimitive(() => info().release),
  setPriority() {
    const e = new Error('os.setPriority() is not supported in islet: workers share the ' +
                        "daemon's process");
    e.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
    throw e;
  },
  tmpdir: withPrimitive(() => {
    const path = info().tmpdir || '/tmp';
    return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  }),
  totalmem: withPrimitive(() => info().totalmem),
  type: withPrimitive(() => info().sysname),
  userInfo() {  // options.encoding 'buffer' is not supported (islet has no Buffer)
    const i = info();
    return Object.assign(Object.create(null), {
      uid: i.uid, gid: i.gid, username: i.username, homedir: i.pwHome, shell: i.shell,
    });
  },
  uptime: withPrimitive(() => info().uptime),
  version: withPrimitive(() => info().version),
  machine: withPrimitive(() => info().machine),
};
Object.defineProperties(os, {
  constants: { value: CONSTANTS, writable: false, enumerable: true, configurable: false },
  EOL: { value: '\n', writable: false, enumerable: true, configurable: true },
  devNull: { value: '/dev/null', writable: false, enumerable: true, configurable: true },
});

module.exports = os;
