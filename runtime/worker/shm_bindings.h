#pragma once

#include <v8.h>

namespace islet::runtime {

// Adds binding.shmOpen(name, byteLength), the native side of
// require('islet').shared: a SharedArrayBuffer over a named segment's memory,
// or [code, message] when the registry refuses. Requires the isolate lock and
// `context` entered.
bool InstallShmBindings(v8::Local<v8::Context> context, v8::Local<v8::Object> binding);

}  // namespace islet::runtime
