import { never } from './fails.mjs';
console.log('uses-fails: never runs', never);
