import { bump } from 'a/state';
export const url = import.meta.url;
export const filename = import.meta.filename;
export { bump };
export const b = (await import('b')).default;
