// The name in the job's bundle that an absolute path a script gave stands
// for (the bundle's root is the job's cwd's project root: info.root).
'use strict';
const { ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush, StringPrototypeSlice,
        StringPrototypeSplit, StringPrototypeStartsWith } = primordials;
const { info } = require('internal/process');

function bundlePath(absolute) {
  const root = info.root;
  const parts = [];
  const segments = StringPrototypeSplit(absolute, '/');
  for (let i = 0; i < segments.length; i++) {
    const part = segments[i];
    if (part === '' || part === '.') continue;
    if (part === '..') ArrayPrototypePop(parts);
    else ArrayPrototypePush(parts, part);
  }
  const normalized = '/' + ArrayPrototypeJoin(parts, '/');
  if (root === '/') return StringPrototypeSlice(normalized, 1);
  if (StringPrototypeStartsWith(normalized, root + '/')) {
    return StringPrototypeSlice(normalized, root.length + 1);
  }
  return normalized;  // outside the bundle: the child reports it missing
}

module.exports = { bundlePath };
