export default 'lib/plain.js';
