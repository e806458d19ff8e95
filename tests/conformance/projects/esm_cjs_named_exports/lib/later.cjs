exports.value = 'initial';
exports.change = () => { exports.value = 'changed'; };
