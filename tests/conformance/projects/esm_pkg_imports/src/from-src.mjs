// "#" specifiers resolve against the nearest package.json, also from a subdirectory.
export { file } from '#internal';
