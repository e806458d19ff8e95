import { known, dyn1 } from './dynamic.cjs';
console.log('never printed', known, dyn1);
