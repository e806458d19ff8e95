const r = (id) => { try { return require.resolve(id); } catch (e) { return e.code; } };
module.exports = ['.', './', '..', '../', '../..', '../../', './x', '../sub/x'].map((id) => [id, r(id)]);
