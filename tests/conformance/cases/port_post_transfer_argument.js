// postMessage's second argument: a transfer list (an iterable) or
// { transfer } (whose transfer must be an iterable unless undefined).
const { MessageChannel } = require('worker_threads');
const { port1 } = new MessageChannel();
for (const t of [5, 'abc', true, null, undefined, {}, { transfer: 5 }, { transfer: null }]) {
  try { port1.postMessage('x', t); console.log('ok', JSON.stringify(t)); } catch (e) { console.log(JSON.stringify(t), e.name, e.code, e.message); }
}
try { structuredClone(1, { transfer: 5 }); console.log('sc ok'); } catch (e) { console.log('sc', e.name, e.code, e.message); }
port1.close();
