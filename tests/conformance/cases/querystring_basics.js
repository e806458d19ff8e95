// querystring: parse/decode, stringify/encode, escape, unescape, with
// custom separators, maxKeys, decoders and encoders, and odd values.
const qs = require('querystring');
const util = require('util');

const show = (v) => util.inspect(v, { breakLength: Infinity, depth: 4 });
function attempt(fn) {
  try {
    return show(fn());
  } catch (e) {
    return `throws ${e.name} ${e.code} ${JSON.stringify(e.message)}`;
  }
}

console.log(qs.decode === qs.parse, qs.encode === qs.stringify,
            ['parse', 'stringify', 'escape', 'unescape'].map((k) => `${qs[k].name}/${qs[k].length}`));

const strings = [
  'a=1&b=2', 'a&b=&=c&=&&', 'a=1&a=2&a=3', 'a+b=c+d', 'a%20b=%zz', '%', 'a==1', 'a=1=2', '&&a=1',
  '=&a', 'a=1&', '__proto__=1&constructor=2&hasOwnProperty=3', 'a[]=1&a[]=2', 'a=%41+%42', 'a=b%2Bc',
  '%61=1&a=2', 'a= 1 ', 'a=%E9', 'a=%C3%A9', 'a=%F0%9F%98%80%ED%A0%80', 'é=\ud800', '%zz=%E9&%41%=1%2',
  'a%2=%%%', '+++=+++', '%2B=%2b', 'a=%zz\u3000', 'a=%41%\u0141', '%41%41=%2\u0141h', 'x=%4+1\u0141',
  'a=1;b=2', 'a:1;b:2', '', 'a',
];
for (const s of strings) {
  console.log(JSON.stringify(s), show(qs.parse(s)), show(qs.parse(s, ';', ':')));
}
// separators and options
const calls = [
  ['a=1&b=2', '', ''], ['a=1&&b=2', '&&'], ['a==1&&b==2', '&&', '=='], ['aXXbXXc', 'XX'],
  ['aXbYYcXd', 'X', 'YY'], ['a&&b', '&&&'], ['aab', 'ab'], ['a=1&b=2', 1, 2], ['a1b2c', 1, 2],
  ['a=1&b=2', /&/], ['a=1&b=2', ['&']], ['a=1Symbol(x)b=2', Symbol('x')],
  ['a=1&b=2&c=3', null, null, { maxKeys: 2 }], ['a=1&b=2&c=3', null, null, { maxKeys: 0 }],
  ['a=1&b=2&c=3', null, null, { maxKeys: -1 }], ['a=1&b=2&c=3', null, null, { maxKeys: 1.5 }],
  ['a=1&b=2&c=3', null, null, { maxKeys: '1' }], ['&&a=1', null, null, { maxKeys: 2 }],
  ['a=1&a=2&a=3&a=4', null, null, { maxKeys: 2 }],
  ['ab=cd&e%41=f%42&g+h=i+j&k=&=l&m', null, null, { decodeURIComponent: (s) => `<${s}>` }],
  ['a=%zz&b=%41', null, null, { decodeURIComponent: (s) => { if (s.includes('zz')) throw new Error('x'); return s; } }],
  ['a=%zz%41+b', null, null, { decodeURIComponent: () => { throw new Error('x'); } }],
  ['a=1', null, null, { decodeURIComponent: 5 }], ['a=%41', null, null, { decodeURIComponent: unescape }],
];
for (const args of calls) {
  console.log(show(args), '=>', attempt(() => qs.parse(...args)));
}
for (const v of [42, null, undefined, {}, [], true, 10n, new String('a=1')]) {
  console.log(typeof v, show(qs.parse(v)));
}

// stringify
const objects = [
  { a: 1, b: 'x y', c: true, d: false, e: null, f: undefined, g: NaN, h: Infinity, i: 10n, j: Symbol('s'),
    k: {}, l: [1, '2', null, {}, true, 3n, Infinity], m: [], n: () => 1, o: -0, p: 1e21, q: 1.5 },
  { 'a b': 'c d', 'é': '😀', '&=': '=&' }, { a: [1, 2], b: 3 }, { a: new String('x'), b: new Number(1) },
  Object.create({ inherited: 1 }), [1, 2], { [Symbol('x')]: 1, a: 2 }, { '': '' }, {},
];
for (const o of objects) {
  console.log(show(o), JSON.stringify(qs.stringify(o)), JSON.stringify(qs.stringify(o, ';', ':')));
}
for (const args of [[{ a: 1 }, null, null, { encodeURIComponent: (s) => `<${s}>` }],
                    [{ a: [1, 2] }, '', ''], [{ a: 'x' }, 5, 6], [{ a: 1, b: 2 }, 0, 0],
                    [{ abc: 18 }, null, 2, { encodeURIComponent: (s) => s.length }],
                    [{ a: 1 }, undefined, undefined, { encodeURIComponent: 5 }],
                    [{ a: 1, b: 2 }, Symbol('s')], [{ a: '\ud800' }], [{ a: '\udc00x' }]]) {
  console.log(show(args), '=>', attempt(() => qs.stringify(...args)));
}
for (const v of [null, 'x', 42, undefined, true]) console.log(typeof v, JSON.stringify(qs.stringify(v)));

// escape and unescape
for (const v of ['a b', 'é😀', "!'()*-._~", '\ud800', '\udc00x', '\ud800\ud800', 42, {}, null, undefined,
                 [1, 2], { toString() { return 'x y'; } }, Symbol('s'), 10n, '/?#[]@$&+,;=%']) {
  console.log(attempt(() => qs.escape(v)));
}
for (const v of ['a+b', 'a%zz+b', '%E9', '%C3%A9%', '%F0%9F%98', '%F0%9F%98%80%ED%A0%80', '%C0%80', '%41%4',
                 'é%zz', '😀%zz', 'Ł%zz', '%ED%A0%80%zz', '%F4%90%80%80%zz', '%E0%80%80%zz', 42, null, {}]) {
  console.log(JSON.stringify(v), attempt(() => qs.unescape(v)), attempt(() => qs.unescape(v, true)));
}
let code = '';
for (let c = 0; c < 0x800; c++) code += String.fromCharCode(c);
console.log(qs.escape(code));

// parse and stringify go through the module's current escape/unescape
const { escape: savedEscape, unescape: savedUnescape } = qs;
qs.unescape = (...a) => `[${a.join('|')}]`;
qs.escape = (...a) => `{${a.join('|')}}`;
console.log(show(qs.parse('a=%41&b=c+d&e')), qs.stringify({ a: 'b c', d: [1, 2] }),
            show(qs.parse('a=%zz+x', null, null, { decodeURIComponent: () => { throw new Error('x'); } })));
qs.escape = savedEscape;
qs.unescape = savedUnescape;
console.log(show(qs.parse(qs.stringify({ a: 'x y', b: ['1', '2'], 'c&d': '=' }))));
