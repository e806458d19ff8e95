// Distinct SharedArrayBuffers stay distinct through structuredClone and
// postMessage, however they are nested and mixed: in arrays and objects at
// depth, in Maps and Sets, as typed arrays at offsets, beside transferred
// ArrayBuffers and repeated references. Each buffer is tagged with its own
// first byte, so aliasing shows as a wrong tag.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const tag = (sab) => new Uint8Array(sab)[0];
const sabs = (n) => Array.from({ length: n }, (_, i) => {
  const s = new SharedArrayBuffer(16);
  new Uint8Array(s)[0] = i + 1;
  return s;
});

function describe(v) {
  const [a, b, c, d, e, f, g, h] = [v.nested[0][0], v.nested[0][1], v.nested[1][0], v.nested[1][1],
    v.deep.x.y.z, v.map.get('k'), [...v.set][0], v.view.buffer];
  return [
    [a, b, c, d, e, f, g, h].map(tag).join(','),
    'view offset ' + v.view.byteOffset + ' reads ' + v.view[0],
    'repeated same object: ' + (v.again === v.nested[0][0]),
    'ab bytes ' + new Uint8Array(v.ab).join(','),
    'distinct: ' + new Set([a, b, c, d, e, f, g, h]).size,
  ].join(' | ');
}

function make() {
  const s = sabs(8);
  const view = new Uint8Array(s[7], 4, 4);
  view[0] = 77;
  const ab = new ArrayBuffer(3);
  new Uint8Array(ab).set([9, 8, 7]);
  return {
    value: { nested: [[s[0], s[1]], [s[2], s[3]]], deep: { x: { y: { z: s[4] } } },
             map: new Map([['k', s[5]]]), set: new Set([s[6]]), view, again: s[0], ab },
    ab,
  };
}

if (isMainThread) {
  const { value } = make();
  console.log('structuredClone:', describe(structuredClone(value)));
  const { value: v2, ab } = make();
  console.log('structuredClone, transfer:', describe(structuredClone(v2, { transfer: [ab] })));
  const w = new Worker(__filename, { workerData: 'echo' });
  w.once('message', (m) => {
    console.log('echoed back:', describe(m));
    w.terminate();
  });
  const { value: v3, ab: ab3 } = make();
  w.postMessage(v3, [ab3]);
} else {
  parentPort.once('message', (m) => {
    console.log('in worker:', describe(m));
    parentPort.postMessage(m, [m.ab]);
  });
}
