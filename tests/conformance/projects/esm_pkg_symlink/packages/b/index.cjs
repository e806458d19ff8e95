module.exports = { filename: __filename, a: () => import('a') };
