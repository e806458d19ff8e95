// Node's argument errors print as 'TypeError [ERR_X]: message', in String()
// and in the stack's first line, with `code` their only own enumerable key.
const calls = {
  'path.join(1)': () => require('path').join(1),
  'setTimeout(1)': () => setTimeout(1),
  'new URL()': () => new URL(),
  'os.getPriority(1.5)': () => require('os').getPriority(1.5),
};
for (const [name, call] of Object.entries(calls)) {
  try {
    call();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(name);
    console.log('  ' + String(e));
    console.log('  ' + e.stack.split('\n')[0]);
    console.log('  ' + JSON.stringify(Object.keys(e)), e.name, e instanceof TypeError, e instanceof RangeError);
  }
}
