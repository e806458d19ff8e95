// setInterval repeats until cleared; clearTimeout/clearImmediate cancel; timers have ref/unref/hasRef.
const results = [];
let ticks = 0;
const t = setTimeout(() => console.log('cancelled timeout ran (wrong)'), 1);
clearTimeout(t);
const im = setImmediate(() => console.log('cancelled immediate ran (wrong)'));
clearImmediate(im);
const t2 = setTimeout(() => console.log('unref timeout ran (wrong)'), 10000);
console.log('hasRef', t2.hasRef());
t2.unref();
console.log('hasRef after unref', t2.hasRef(), 'ref returns the timer', t2.ref() === t2);
t2.unref();
setImmediate((a) => {
  console.log('immediate arg', a);
  setTimeout((b, c) => {
    console.log('timeout args', b, c);
    const iv = setInterval(() => {
      ticks++;
      console.log('tick', ticks);
      if (ticks === 3) {
        clearInterval(iv);
        console.log('cleared');
      }
    }, 2);
  }, 1, 'x', 'y');
}, 'z');
process.on('exit', (code) => console.log('exit', code, 'ticks', ticks));
