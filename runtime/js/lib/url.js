// node:url: the legacy API (Url, parse, resolve, resolveObject, format:
// internal/url_legacy), then the WHATWG API and Node's helpers around it
// (internal/url), in the order Node lists them.
'use strict';
const legacy = require('internal/url_legacy');
const url = require('internal/url');

module.exports = {
  Url: legacy.Url,
  parse: legacy.parse,
  resolve: legacy.resolve,
  resolveObject: legacy.resolveObject,
  format: legacy.format,
  URL: url.URL,
  URLSearchParams: url.URLSearchParams,
  domainToASCII: url.domainToASCII,
  domainToUnicode: url.domainToUnicode,
  pathToFileURL: url.pathToFileURL,
  fileURLToPath: url.fileURLToPath,
  urlToHttpOptions: url.urlToHttpOptions,
};
