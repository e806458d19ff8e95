// require('islet'): what islet adds beyond Node's API.
'use strict';

module.exports = {
  version: internals.info.isletVersion,
  workerId: internals.info.workerId,
  jobId: internals.info.jobId,
};
