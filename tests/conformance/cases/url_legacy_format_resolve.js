// url.format (of objects, strings, parse results and WHATWG URLs),
// url.resolve and url.resolveObject.
const url = require('url');
const util = require('util');

const show = (v) => util.inspect(v, { breakLength: Infinity, depth: 4 });
function attempt(fn) {
  try {
    return show(fn());
  } catch (e) {
    return `throws ${e.name} ${e.code} ${JSON.stringify(e.message)}`;
  }
}

// plain objects
const objects = [
  {}, { protocol: 'http' }, { protocol: 'http:', host: 'a.com' }, { protocol: 'https', hostname: 'a.com', port: 8080 },
  { hostname: 'a.com', port: 80 }, { host: 'a.com:1', hostname: 'b.com', port: 2 },
  { protocol: 'http', pathname: 'p' }, { protocol: 'http', host: 'h', pathname: 'p' },
  { protocol: 'mailto', host: 'h', pathname: 'p' }, { protocol: 'custom', host: 'h', pathname: 'p' },
  { protocol: 'custom', slashes: true, host: 'h', pathname: 'p' }, { protocol: 'HTTP', host: 'h' },
  { protocol: 'file', pathname: '/etc/x' }, { protocol: 'file' }, { protocol: 'file:', pathname: 'x' },
  { protocol: 'file', host: 'h', pathname: 'x' }, { slashes: true, host: 'h' }, { slashes: true, pathname: 'x' },
  { pathname: '/a?b#c', search: 'x#y', hash: 'h' }, { pathname: '??##' }, { search: '??##' }, { hash: '??##' },
  { query: { a: 1, b: [2, 3], c: true, d: null, e: 'x y' } }, { query: 'a=1' }, { search: '?s', query: { a: 1 } },
  { query: {} }, { auth: 'u:p@x y', host: 'h' }, { auth: 'a:b:c/?#[]@!$&\'()*+,;=é', host: 'h' },
  { auth: 'u', pathname: 'x' }, { hostname: '::1' }, { hostname: '::1', port: '80' }, { hostname: '[::1]' },
  { hostname: 'a:b]' }, { protocol: 'javascript', pathname: 'alert(1)' }, { protocol: ':', host: 'h' },
  { protocol: 'http', host: 'h', pathname: 'a?b#c', search: '?x#y#z' }, { host: 0 }, { port: 0, hostname: 'a' },
  { href: 'http://ignored/', path: '/ignored' }, { protocol: 'http', pathname: '//x' },
  { protocol: new String('http'), host: 'h' }, { pathname: new String('a#b') }, { hostname: ['h'] },
  { protocol: 5 }, { pathname: ['p'], host: 'h' }, { hash: 5 }, { search: 5 }, { hostname: 5 },
  { auth: '\ud800', host: 'h' }, { auth: 5, host: 'h' },
];
for (const o of objects) {
  console.log(show(o), '=>', attempt(() => url.format(o)));
}
// strings and parse results
const strings = [
  'http://a.com/x y', ' http://A.com:80/x?y#z ', 'HTTP://X.COM/a/../b', 'mailto:a@b.com', '//h/p',
  'http://u:p@h:1/p?q=1#f', 'javascript:alert(1)', 'http://[::1]:8/x', 'http://münchen.de/',
];
for (const s of strings) {
  const parsed = url.parse(s);
  console.log(JSON.stringify(s), url.format(s), url.format(parsed), parsed.format(),
              url.parse(s, true, true).format());
}
const changed = url.parse('http://u@x.com/y?z=1#w');
changed.search = null;
changed.query = { a: 'b c' };
changed.host = null;
changed.port = 99;
console.log(url.format(changed));
// not an object or string
for (const v of [undefined, null, 5, true, Symbol('s'), () => {}]) {
  console.log(typeof v, attempt(() => url.format(v)));
}
// WHATWG URLs
const whatwg = ['http://u:p@a.com:8080/b?c=d#e', 'http://xn--mnchen-3ya.de/p?q#r', 'https://münchen.de/',
                'file:///a/b', 'mailto:a@b.com', 'http://[::1]:80/x', 'http://a/?', 'http://a/#'];
const options = [undefined, null, {}, { auth: false }, { fragment: false }, { search: false }, { unicode: true },
                 { auth: false, fragment: false, search: false, unicode: true }, { auth: 0, unicode: 1 }, 5, [], 'x'];
for (const h of whatwg) {
  console.log(h, options.map((o) => attempt(() => url.format(new URL(h), o))).join(' '));
}

// url.resolve: RFC 3986 5.4 and more
const bases = ['http://a/b/c/d;p?q', 'http://a', 'http://u:p@a:8/b/c', 'file:///a/b/c', 'mailto:a@b.com',
               'custom://h/a/b', 'custom:a/b', '/a/b/c', 'a/b/c', '//h/a/b', 'http://a/b?x#y'];
const relatives = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x',
                   'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
                   '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g',
                   './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x',
                   'g#s/./x', 'g#s/../x', 'http:g', 'http:', 'https://h/x', 'mailto:x@y', 'custom:g',
                   '\\g', ' g ', 'g h', 'é'];
for (const b of bases) {
  console.log(JSON.stringify(b), relatives.map((r) => JSON.stringify(url.resolve(b, r))).join(' '));
}
// url.resolveObject: the whole Url
for (const [b, r] of [['http://a/b/c', '../d?e#f'], ['mailto:a@b.com', 'mailto:c'], ['mailto:a@b.com', 'x'],
                      ['http://u@a/b', '//c/d'], ['http://a/b', 'https:c'], ['custom:u@h/a', 'custom:?q'],
                      ['http://a/b', ''], ['', 'x'], ['http://a/b', '#h']]) {
  console.log(JSON.stringify(b), JSON.stringify(r), show(url.resolveObject(b, r)));
}
const relative = url.parse('mailto:c', false, true);
console.log(show(url.resolveObject('mailto:a@b.com', relative)), show(relative));
console.log(attempt(() => url.resolve(5, 'x')), attempt(() => url.resolve('x', 5)),
            attempt(() => url.resolveObject('x', 5)), url.resolveObject(null, 'x'));
console.log(url.parse('http://a/b/c').resolve('../d'), show(url.parse('http://a/b/c').resolveObject('d')));
