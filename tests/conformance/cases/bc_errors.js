// BroadcastChannel argument and state errors.
const { BroadcastChannel } = require('worker_threads');

try { new BroadcastChannel(); } catch (e) { console.log('no name:', e.name, e.code, e.message); }
const num = new BroadcastChannel(42);
console.log('name is stringified', JSON.stringify(num.name));
num.close();
const ch = new BroadcastChannel('errors');
try { ch.postMessage(() => 1); } catch (e) { console.log('uncloneable:', e.name, e.code, e.message); }
try { ch.postMessage(); } catch (e) { console.log('no message:', e.name, e.code, e.message); }
ch.close();
ch.close();
console.log('second close is fine');
try { ch.postMessage('late'); } catch (e) { console.log('closed:', e.name, e.code, e.message, e instanceof DOMException); }
