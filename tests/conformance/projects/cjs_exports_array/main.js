// Array targets in "exports": entries are tried in order and only an invalid
// target (ERR_INVALID_PACKAGE_TARGET) or a conditions object that matches
// nothing moves on to the next one. A valid target naming a missing file does
// not fall back; all-invalid arrays throw the last error; [] exports nothing.
const rel = (s) => String(s).split(__dirname).join('<root>');
const show = (label, fn) => {
  try { console.log(label, '->', rel(fn())); }
  catch (e) { console.log(label, '!>', e.code, rel(e.message).split('\n')[0]); }
};

for (const id of ['arr', 'arr/scheme', 'arr/escape', 'arr/cond', 'arr/cond2', 'arr/missing',
                  'arr/allbad', 'arr/empty', 'arr/nested', 'arr/nullfirst']) {
  show(id, () => require(id));
}
