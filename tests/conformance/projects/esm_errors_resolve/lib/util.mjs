export default 'lib/util.mjs';
