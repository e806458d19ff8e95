globalThis.metaKind = typeof import.meta.url;
