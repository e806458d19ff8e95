module.exports = {
  filename: __filename,
  dirname: __dirname,
  dep: require('dep'),
  b: require('b'),
  paths: module.paths,
};
