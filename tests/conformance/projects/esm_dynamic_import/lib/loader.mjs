// import() resolves against this file, not against the caller or the cwd.
export const load = (spec) => import(spec);
export const which = 'lib/loader.mjs';
