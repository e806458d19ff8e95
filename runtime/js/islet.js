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

module.exports = {
  get version() { return info.isletVersion; },
  get workerId() { return info.workerId; },
  get jobId() { return info.jobId; },
  get control() { return controlPort(); },
};
Object.defineProperty(module.exports, 'internal', { value: { deliver }, enumerable: false });
