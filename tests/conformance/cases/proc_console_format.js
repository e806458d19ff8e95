// console.log / util.format: format specifiers and argument joining.
const util = require('util');

console.log('%s is %d years and %i days', 'Ann', 42.5, 7.9);
console.log('%f %j %%', '3.25', { a: [1, 'two'] });
console.log('%o', { nested: { deep: [1, 2] } });
console.log('%O', { nested: { deep: { deeper: { deepest: 1 } } } });
console.log('%s', 12n, '%s', Symbol('s'));
console.log('%d %i', 10n, 11n);
console.log('%s', { toString() { return 'custom'; } }, [1, [2, [3]]]);
console.log('missing %s %s', 'one');
console.log('extra', 'args', 1, true, null, undefined);
console.log('%c styled', 'color: red');
console.log('%s %s', -0, NaN, -0);
console.log();
console.log('');
console.log(util.format('%s=%d', 'x', '7'), util.format(1, 2, '3'), util.format('%x', 5));
console.info('info goes to stdout');
console.debug('debug goes to stdout');
console.error('error goes to stderr (not compared)');
console.warn('warn goes to stderr (not compared)');
console.log('multi\nline', 'tab\tsep');
