// require('islet'): what islet adds beyond Node's API.
'use strict';

const { info } = internals;
const messaging = internals.internalRequire('messaging');

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
      binding.controlPost(json === undefined ? 'null' : json);
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
  inner.postMessage(value);
}

// shared(name, byteLength): a SharedArrayBuffer over the daemon's named
// shared-memory segment `name`, created zero-filled if it does not exist.
// Every worker (and `islet shm`, and other processes of the daemon's user)
// that opens the name sees the same bytes. See docs/shm.md.
function shared(name, byteLength) {
  if (typeof name !== 'string') {
    throw internals.invalidArgType('name', 'of type string', name);
  }
  if (typeof byteLength !== 'number') {
    throw internals.invalidArgType('byteLength', 'of type number', byteLength);
  }
  if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > Number.MAX_SAFE_INTEGER) {
    const e = new RangeError('The value of "byteLength" is out of range. It must be an integer ' +
                             '>= 1 && <= 9007199254740991. Received ' + String(byteLength));
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  const result = binding.shmOpen(name, byteLength);
  if (!Array.isArray(result)) return result;
  const [code, message] = result;
  const e = code === 'ERR_INVALID_ARG_VALUE' ? new TypeError(message)
          : code === 'ERR_ISLET_SHM' ? new Error(message)
          : new RangeError(message);  // a size mismatch or a quota
  e.code = code;
  throw e;
}

module.exports = {
  shared,
  get version() { return info.isletVersion; },
  get workerId() { return info.workerId; },
  get jobId() { return info.jobId; },
  get control() { return controlPort(); },
};
Object.defineProperty(module.exports, 'internal', { value: { deliver }, enumerable: false });
