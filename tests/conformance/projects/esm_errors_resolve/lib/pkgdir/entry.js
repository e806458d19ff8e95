module.exports = 'lib/pkgdir/entry.js';
