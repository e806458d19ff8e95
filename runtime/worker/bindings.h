#pragma once

#include <v8.h>

namespace islet::runtime {

class Worker;

// Builds the native `binding` object, runs bootstrap.js with it in `context`
// and returns the hooks object bootstrap.js returns. Needs no worker: the
// bindings find theirs through the isolate (data slot 0) when called, so a
// context can be prepared before its worker exists. Requires the isolate
// lock and `context` entered.
v8::MaybeLocal<v8::Object> RunBootstrap(v8::Local<v8::Context> context,
                                        v8::Local<v8::FunctionTemplate> port_template);

}  // namespace islet::runtime
