import c from './plain.cjs';
export const got = c;
export const metaUrlType = typeof import.meta.url;
