console.log('lib/sub/target.mjs evaluated');
export const where = 'lib/sub/target.mjs';
export default 'target default';
