console.log('lib/first.mjs: would run first, but the graph does not link');
process.on('exit', (code) => console.log('exit listener never installed', code));
