// Worker options as Node 20 checks them: argv and execArgv must be arrays
// (execArgv only when truthy), and transferList is read as an array-like
// (a number is an empty list; a Set has no length), not as an iterable.
const {Worker}=require('worker_threads');
for (const o of [{argv:'ab'}, {argv:5}, {execArgv:'x'}, {execArgv:[5]}, {execArgv:[]}, {execArgv:null}, {execArgv:0}, {transferList:5}, {transferList:'abc'}, {transferList:{length:1, 0: 5}}, {transferList: new Set()}]) {
 try { const w = new Worker('process.argv.slice(2).length', {eval:true, ...o}); w.terminate(); console.log('ok', JSON.stringify(o)); } catch (e) { console.log(JSON.stringify(o), e.name, e.code, e.message); }
}
