// url.parse (the legacy parser): every property of the result, null or
// not, in its order, with and without parseQueryString and
// slashesDenoteHost; host names through IDNA; the errors.
const url = require('url');
const util = require('util');

const show = (v) => util.inspect(v, { breakLength: Infinity, depth: 4 });
function parse(...args) {
  try {
    const u = url.parse(...args);
    return `${u instanceof url.Url ? 'Url' : 'not Url'} ${JSON.stringify(Object.keys(u))} ${show(u)}`;
  } catch (e) {
    return `throws ${e.name} ${e.code} ${JSON.stringify(e.message)} ${JSON.stringify(e.input)} ${e instanceof TypeError}`;
  }
}

const urls = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  'HTTP://www.Example.COM/a/B?C=D#E',
  'https://a.com', 'https://a.com/', 'https://a.com?x', 'https://a.com#x',
  'ftp://u@ftp.example.org/pub/file.txt',
  'file:///etc/passwd', 'file://localhost/etc/hosts', 'file:/a/b', 'file:a',
  'mailto:someone@example.com?subject=hi', 'mailto:a@b:c', 'mailto://a@b/c',
  'javascript:alert("hi")', 'JavaScript:void(0)', 'javascript://x/y?z#w',
  'custom://h/p?q#f', 'custom:/p', 'custom:h', 'x-y.z+w://h/p', 'ws://h', 'wss:h',
  '//host/path?q', '//user@host/path', '///path', '/p/a/t/h?query', '/p#h',
  'rel/path?q', 'path', '?q=1', '#frag', '', '  ', 'a:', 'a:b', ':a',
  'http://a.com/p a t h', 'http://a.com/"quotes"<>{}|^`\'', 'http://a.com/?q="x"&y={}',
  'http://a.com/#h "x"', 'http:\\\\a.com\\p\\q?r\\s#t\\u', '\\\\server\\share',
  'http://a.com/%zz%41%', 'http://a.com:8a/b', 'http://a.com::80/b', 'http://a.com:/b',
  'http://:80/', 'http://@/', 'http://u:p@/', 'http://u@h@i/', 'http://u%40x:p%3Aq@h/',
  'http://[::1]/', 'http://[::1]:8080/p', 'http://[::FFFF:1.2.3.4]/', 'http://[::1',
  'http://münchen.de/', 'http://MÜNCHEN.DE/', 'http://faß.de/', 'http://xn--mnchen-3ya.de/',
  'http://ÀÉ.example/', 'http://ａｂ．com/', 'http://a\u3002b/', 'http://\u00ad/',
  'http://a b/c', 'http://a%20b/c', 'http://a;b/c', 'http://a<b>/c', 'http://a\tb\nc/d',
  'http://a_b.c/', 'http://a*b+c/', 'http://' + 'x'.repeat(256) + ':80/p',
  'http://\u05d0\u05d1/', 'http://a\u0627/', 'http://\u0627a/', 'http://xn--zz/', 'http://a[b/',
  ' \t\n http://a.com/x \r\n\u00a0\ufeff', '\u0000http://a.com\u0000', '\u3000http://a.com/',
  'http://a.com/x\u0000y\u0001z\u007f', 'http://a.com/é/ü?ö#ä', 'http://a.com/\ud83d\ude00',
  'http://x.com/?a=1&a=2&b=%20&c=%zz&d=é+f', 'http://x.com/?__proto__=1&constructor=2',
];
for (const u of urls) {
  console.log(JSON.stringify(u));
  console.log('  ', parse(u));
  console.log('  ', parse(u, true));
  console.log('  ', parse(u, false, true));
  console.log('  ', parse(u, true, true));
}

// not a string
for (const v of [undefined, null, 42, true, {}, [], Symbol('s'), 10n, () => {}, new String('http://x')]) {
  console.log(typeof v, parse(v));
}
// a Url comes back as it is
const u = url.parse('http://x/y');
console.log(url.parse(u) === u, url.parse(u, true).query);
// the Url class
const empty = new url.Url();
console.log(show(empty), Object.keys(empty).length, typeof url.Url, url.Url.length,
            Object.getOwnPropertyNames(url.Url.prototype));
console.log(url.parse.name, url.parse.length, url.format.name, url.resolve.name, url.resolveObject.name);
// Url#parse and Url#parseHost
const v = new url.Url();
console.log(v.parse('http://a.com:81/b?c#d') === v, v.port, v.hostname);
for (const host of ['a:80', 'a:', ':', 'x:y', '[::1]:1']) {
  const w = new url.Url();
  w.host = host;
  w.parseHost();
  console.log(JSON.stringify(host), w.hostname, w.port);
}
// query objects have no prototype
const q = url.parse('/p?a=1&b=2&a=3', true).query;
console.log(Object.getPrototypeOf(q), q.a, q.b, Object.keys(q));
console.log(url.parse('/p', true).query, url.parse('http://h', true).search);
