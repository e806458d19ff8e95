exports.file = 'src/internal/cond-require.cjs';
