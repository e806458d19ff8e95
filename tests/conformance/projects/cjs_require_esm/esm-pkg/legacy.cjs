module.exports = 'a .cjs file in a type:module package is CommonJS: ' + typeof require;
