exports.parentFile = module.parent.filename;
