import { log } from './log.mjs';
log('side (side-effect-only import)');
