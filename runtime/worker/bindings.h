#pragma once

#include <v8.h>

namespace islet::runtime {

class Worker;

// Builds the native `binding` object for `worker`, runs bootstrap.js with it
// in `context`, and returns the hooks object bootstrap.js returns. Requires
// the isolate lock and `context` entered.
v8::MaybeLocal<v8::Object> RunBootstrap(Worker* worker, v8::Local<v8::Context> context);

}  // namespace islet::runtime
