// tools/islet run examples/hello.js
const { isMainThread, threadId } = require('worker_threads');

console.log('hello from islet', { isMainThread, threadId });
setTimeout(() => {
  console.log('a timer fired; argv:', process.argv.slice(2));
}, 10);
