import './side-effect.mjs';
import { yes, nope } from './a.mjs';
console.log('missing-name: never evaluated', yes, nope);
