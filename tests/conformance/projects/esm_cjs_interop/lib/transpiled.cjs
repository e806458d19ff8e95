// What TypeScript / Babel emit for `export default 'the default'; export const named = 'named';`
Object.defineProperty(exports, '__esModule', { value: true });
exports.named = 'named';
exports.default = 'the default';
