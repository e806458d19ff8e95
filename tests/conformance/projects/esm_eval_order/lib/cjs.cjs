console.log('evaluate cjs.cjs (CommonJS, in import order)');
