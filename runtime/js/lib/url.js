// node:url: the WHATWG URL API and Node's helpers around it
// (internal/url). The legacy API (url.parse, url.format, url.resolve,
// Url) is not provided yet.
'use strict';
const url = require('internal/url');

module.exports = {
  URL: url.URL,
  URLSearchParams: url.URLSearchParams,
  domainToASCII: url.domainToASCII,
  domainToUnicode: url.domainToUnicode,
  fileURLToPath: url.fileURLToPath,
  pathToFileURL: url.pathToFileURL,
  urlToHttpOptions: url.urlToHttpOptions,
};
