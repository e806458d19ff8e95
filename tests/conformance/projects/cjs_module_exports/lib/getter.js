let n = 0;
Object.defineProperty(exports, 'count', { get: () => ++n, enumerable: true });
