exports.__esModule = true;
exports.other = 'other';
