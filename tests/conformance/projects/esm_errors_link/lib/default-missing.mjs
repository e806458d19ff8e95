import a from './a.mjs';
