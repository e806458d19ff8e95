import { log } from './log.mjs';
import './b.mjs';
import './c.mjs';
log('a');
