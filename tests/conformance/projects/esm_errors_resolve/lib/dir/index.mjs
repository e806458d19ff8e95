export default 'lib/dir/index.mjs';
