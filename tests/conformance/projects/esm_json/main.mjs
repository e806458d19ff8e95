// JSON modules with an import assertion (`assert { type: 'json' }`, the
// syntax V8 10.2 parses; Node 20 also takes `with`, and warns on stderr that
// `assert` is deprecated): the default export is the parsed value (any JSON
// value, BOM stripped) and the only export; one instance per file whoever
// imports it (mutations are shared); import() with { assert: { type: 'json' } };
// the package's own package.json; createRequire() of the same file returns
// that same object (Node shares the CommonJS cache entry).
import config from './data/config.json' assert { type: 'json' };
import * as ns from './data/config.json' assert { type: 'json' };
import arr from './data/array.json' assert { type: 'json' };
import str from './data/string.json' assert { type: 'json' };
import bom from './data/bom.json' assert { type: 'json' };
import fromReader from './data/reader.mjs';
import pkg from './package.json' assert { type: 'json' };
import { createRequire } from 'module';

console.log('config', JSON.stringify(config));
console.log('namespace keys', JSON.stringify(Object.keys(ns)), ns.default === config);
console.log('array', JSON.stringify(arr), 'string', str, 'bom', JSON.stringify(bom));
config.added = 'shared';
console.log('same instance', fromReader === config, fromReader.added);
const dyn = await import('./data/config.json', { assert: { type: 'json' } });
console.log('import()', dyn === ns, dyn.default.added);
console.log('package.json', pkg.name, pkg.version);
const require = createRequire(import.meta.url);
const viaRequire = require('./data/config.json');
console.log('createRequire', viaRequire === config, viaRequire.added, JSON.stringify(viaRequire.list));
console.log('frozen?', Object.isFrozen(config));
