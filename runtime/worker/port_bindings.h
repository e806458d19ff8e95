#pragma once

#include <v8.h>

namespace islet::runtime {

class Worker;

// Adds the MessagePort / Worker / structuredClone natives to `binding`.
// Requires the isolate lock and `context` entered.
bool InstallPortBindings(Worker* worker, v8::Local<v8::Context> context,
                         v8::Local<v8::Object> binding);

}  // namespace islet::runtime
