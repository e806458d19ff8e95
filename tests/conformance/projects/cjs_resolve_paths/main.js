// require.resolve.paths(request): for a bare name, the node_modules
// directories searched (from the requiring file's directory up to '/',
// skipping '.../node_modules/node_modules', then global folders); for './x'
// just the requiring directory; for builtins null. Only the entries inside
// the project are printed, then what follows them.
const path = require('path');
const rel = (s) => String(s).split(__dirname).join('<root>');
const parentNM = path.join(path.dirname(__dirname), 'node_modules');
const show = (label, list) => {
  if (list === null) return console.log(label, '-> null');
  const inside = list.filter((p) => p === __dirname || p.startsWith(__dirname + path.sep));
  const next = list[inside.length];
  const rest = next === undefined ? 'end' : next === parentNM ? 'parent node_modules' : 'other';
  console.log(label, '->', JSON.stringify(inside.map(rel)),
              'inside first:', list.slice(0, inside.length).every((p, i) => p === inside[i]),
              'then:', rest);
};

show('main pkg', require.resolve.paths('pkg'));
show('main pkg/sub', require.resolve.paths('pkg/sub'));
show('main ./x', require.resolve.paths('./x'));
show('main ../x', require.resolve.paths('../x'));
show('main path', require.resolve.paths('path'));
show('main node:path', require.resolve.paths('node:path'));
show('main #imp', require.resolve.paths('#imp'));
show('in package', require('pkg/lib/paths.js')('dep'));
show('in package ./x', require('pkg/lib/paths.js')('./x'));
show('deep src', require('./src/node_modules_like/deep/paths.js')('dep'));
const bare = require.resolve.paths('x');
console.log('module.paths is a prefix of it:',
            JSON.stringify(module.paths) === JSON.stringify(bare.slice(0, module.paths.length)),
            'global folders follow:', bare.length > module.paths.length);
