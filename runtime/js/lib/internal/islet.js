// require('islet'): what islet adds beyond Node's API.
'use strict';
const processBinding = internalBinding('process');
const shmBinding = internalBinding('shm');

const { info } = require('internal/process');
const { inspect } = require('internal/util/format');
const { invalidArgType } = require('internal/errors');
const messaging = require('internal/messaging');

// The control port: a MessagePort whose other end is the control plane.
// `islet post ID JSON` arrives here as a 'message'; what the worker posts
// here reaches clients following it (`islet logs -f`, `islet attach`) as JSON.
let control = null;
let inner = null;
function controlPort() {
  if (control === null) {
    const channel = new messaging.MessageChannel();
    control = channel.port1;
    inner = channel.port2;
    inner[messaging.kState].internal = true;  // only `control`'s listeners keep a worker alive
    inner.on('message', (value) => {
      let json;
      try {
        json = JSON.stringify(value);
      } catch (err) {
        json = JSON.stringify(String(err && err.message));
      }
      processBinding.controlPost(json === undefined ? 'null' : json);
    });
    messaging.startPort(inner);
    // Text that is not JSON becomes a 'messageerror', in order with messages.
    control[messaging.kFilter] = (value) => {
      if (value === null || typeof value !== 'object' || value[kParseError] !== true) return false;
      control.emit('messageerror', new SyntaxError(value.message));
      return true;
    };
  }
  return control;
}
const kParseError = '__isletControlParseError';

function deliver(json) {
  controlPort();
  let value;
  try {
    value = JSON.parse(json);
  } catch (err) {
    value = { [kParseError]: true, message: err.message };
  }
  try {
    inner.postMessage(value);
  } catch (err) {
    // Whatever the control plane sent, it must not end the worker in
    // islet's own code: it arrives as a 'messageerror' instead.
    inner.postMessage({ [kParseError]: true, message: String(err && err.message) });
  }
}

// shared(name, byteLength[, { scope }]): a SharedArrayBuffer over the named
// shared-memory segment, created zero-filled if it does not exist. Scope
// 'job' (the default): the job's own segment `name`, which every worker of
// the job (and `islet shm` as JOB:name) sees and no other job can reach.
// Scope 'daemon': the daemon-wide `name`, shared by every job, where the
// daemon's owner enabled it. See docs/shm.md.
function shared(name, byteLength, options) {
  if (typeof name !== 'string') {
    throw invalidArgType('name', 'of type string', name);
  }
  if (typeof byteLength !== 'number') {
    throw invalidArgType('byteLength', 'of type number', byteLength);
  }
  if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > Number.MAX_SAFE_INTEGER) {
    const e = new RangeError('The value of "byteLength" is out of range. It must be an integer ' +
                             '>= 1 && <= 9007199254740991. Received ' + String(byteLength));
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  let daemonWide = false;
  if (options !== undefined) {
    if (options === null || typeof options !== 'object') {
      throw invalidArgType('options', 'of type object', options);
    }
    const scope = options.scope;
    if (scope !== undefined && scope !== 'job' && scope !== 'daemon') {
      const e = new TypeError("The property 'options.scope' must be one of: 'job', 'daemon'. " +
                              'Received ' + inspect(scope));
      e.code = 'ERR_INVALID_ARG_VALUE';
      throw e;
    }
    daemonWide = scope === 'daemon';
  }
  const result = shmBinding.shmOpen(name, byteLength, daemonWide);
  if (!Array.isArray(result)) return result;
  const [code, message] = result;
  const e = code === 'ERR_INVALID_ARG_VALUE' ? new TypeError(message)
          : code === 'ERR_ISLET_SHM' || code === 'ERR_ISLET_SHM_SCOPE' ? new Error(message)
          : new RangeError(message);  // a size mismatch or a quota
  e.code = code;
  throw e;
}

const api = {
  shared,
  get version() { return info.isletVersion; },
  get workerId() { return info.workerId; },
  get jobId() { return info.jobId; },
  get control() { return controlPort(); },
};
// deliver: for internal/bootstrap/node, never on the public module.
module.exports = { api, deliver };
