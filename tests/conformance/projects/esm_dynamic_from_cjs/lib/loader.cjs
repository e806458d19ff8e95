// import() in a CommonJS file resolves against this file.
module.exports = (spec) => import(spec);
