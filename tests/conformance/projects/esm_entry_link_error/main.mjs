// The entry statically imports a name its dependency does not export: the
// whole graph fails to link before any module is evaluated, so nothing is
// printed to stdout (the SyntaxError goes to stderr) and the exit code is 1.
import './lib/first.mjs';
import { yes, missing } from './lib/a.mjs';
console.log('main.mjs: not evaluated', yes, missing);
