module.exports = 'lib/shared.js via #shared';
