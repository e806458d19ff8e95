import { createRequire } from 'module';
// createRequire from a file deeper in the tree resolves relative to it.
export const require = createRequire(import.meta.url);
