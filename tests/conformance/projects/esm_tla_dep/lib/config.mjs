console.log('config: loading');
export const config = await new Promise((resolve) => setTimeout(() => resolve({ port: 8080 }), 5));
console.log('config: loaded');
