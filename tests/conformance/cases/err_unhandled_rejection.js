// An unhandled promise rejection ends the process with code 1 (Node's default mode 'throw').
process.on('exit', (code) => console.log('exit handler runs with', code));
console.log('before');
Promise.reject(new Error('nobody handles this'));
Promise.resolve().then(() => console.log('microtasks still run first'));
setTimeout(() => console.log('timer never runs'), 50);
