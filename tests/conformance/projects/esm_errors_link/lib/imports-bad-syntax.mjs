console.log('imports-bad-syntax: never evaluated');
import { ok } from './bad-syntax.mjs';
