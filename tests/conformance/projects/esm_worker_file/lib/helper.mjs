export const helper = () => 'helper.mjs imported relative to the worker file';
