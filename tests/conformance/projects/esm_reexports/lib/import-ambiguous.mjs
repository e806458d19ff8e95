import { shared } from './index.mjs';
export default shared;
