exports.loadedDuringLoad = module.loaded;
exports.parentFile = module.parent && module.parent.filename;
exports.get = () => module;
require('./b.js');
