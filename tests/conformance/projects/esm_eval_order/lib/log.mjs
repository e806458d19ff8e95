export const order = [];
export const log = (name) => { order.push(name); console.log('evaluate', name); };
