import { log } from './log.mjs';
import './d.mjs';
log('c');
