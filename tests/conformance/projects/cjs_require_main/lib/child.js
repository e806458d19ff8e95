module.exports = {
  isMain: require.main === module,
  mainFile: require.main.filename,
  sameMain: require.main === process.mainModule,
  id: module.id,
};
