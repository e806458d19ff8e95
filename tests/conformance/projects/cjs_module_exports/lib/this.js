this.viaThis = true;
module.exports.viaModule = true;
