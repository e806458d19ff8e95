import * as me from './self.mjs';
import { x as selfX } from './self.mjs';
export const x = 'self x';
export const check = () => me.x === x && selfX === x && me.check === check;
