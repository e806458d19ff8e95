// process.exitCode and process.exit(code) check the code as Node does:
// a safe integer (or an integer string), null or undefined.
for (const v of ['abc', 1.5, '3', '1.5', '', 2 ** 60, -(2 ** 53), 3n, null, undefined, true, {}]) {
  try { process.exitCode = v; console.log('exitCode =', typeof v === 'bigint' ? '3n' : JSON.stringify(v), '->', process.exitCode); } catch (e) { console.log('exitCode', typeof v === 'bigint' ? '3n' : JSON.stringify(v), e.name, e.code, e.message); }
}
process.exitCode = 0;
for (const v of ['abc', 1.5, {}, true]) {
  try { process.exit(v); } catch (e) { console.log('exit', JSON.stringify(v), e.name, e.code, e.message); }
}
try { structuredClone(1, { transfer: null }); console.log('sc null ok'); } catch (e) { console.log('sc null', e.name, e.code, e.message); }
console.log('end');
