const u = require('url');
console.log(new URL('https://user:pw@a.b:8080/c?d=1#e'));
const p = new URLSearchParams(); for (let i = 0; i < 8; i++) p.append('key' + i, 'value' + i);
console.log(p, [p], { a: { b: { c: p } } });
console.log(new URLSearchParams('a=1&b=2&a=3'), [new URLSearchParams()]);
try { new URL('foo') } catch (e) { console.log(e.name, e.code, e.message, e.input, e instanceof TypeError) }
try { new URL('foo', 'bar') } catch (e) { console.log(Object.keys(e), e.base) }
try { new URL() } catch (e) { console.log(e.message, e.code) }
try { new URL('http://x').href = 'bad' } catch (e) { console.log(e.code, e.message, e.input) }
console.log(URL.canParse('x'), URL.canParse('http://x'), URL.parse('x'), String(URL.parse('http://x/y')));
console.log(u.pathToFileURL('/a b?c#d%e\n\t\r\\x').href, u.pathToFileURL('rel/x/').href.replace(process.cwd(), 'CWD'));
for (const x of ['file:///a%2fb', 'http://x/', 'file://host/a', 42, 'file:///a%20b']) { try { console.log(u.fileURLToPath(x)) } catch (e) { console.log(e.code, e.message) } }
console.log(require('util').inspect({ a: { b: new URL('http://x') } }, { depth: 1 }), require('util').inspect(new URL('http://x'), { depth: -1 }));
console.log(require('util').inspect(new URL('http://x/?a=1'), { depth: 0 }));
console.log(u.domainToASCII('español.com'), u.domainToUnicode('xn--espaol-zwa.com'), JSON.stringify(u.domainToASCII('xn--iñvalid.com')));
console.log(u.urlToHttpOptions(new URL('https://a:b@c.d:1/e?f#g')));
console.log(String(new URL('http://x/y')), JSON.stringify({ u: new URL('http://x') }), new URL('http://x') instanceof URL, Object.prototype.toString.call(new URL('http://x')), Object.prototype.toString.call(new URLSearchParams()));
const url = new URL('https://example.org/?q=1'); url.searchParams.append('r', 'x y'); console.log(url.href, url.searchParams instanceof URLSearchParams);
console.log(new URL('HTTP://EXAMPLE.com:80/./a/../b/%7e?x#y').href, new URL('http://[::1]:8080/').host, new URL('http://münchen.de/').hostname);
