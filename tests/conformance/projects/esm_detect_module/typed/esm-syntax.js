export const kind = 'never: "type": "commonjs" turns detection off';
