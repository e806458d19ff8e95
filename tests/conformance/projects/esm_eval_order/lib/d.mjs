import { log } from './log.mjs';
log('d');
