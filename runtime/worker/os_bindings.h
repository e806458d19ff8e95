#pragma once

#include <v8.h>

namespace islet::runtime {

// binding.osInfo(), binding.osCpus(), binding.osInterfaces(): what Node's
// os module reports, about the machine the daemon runs on (the workers'
// process is the daemon's). runtime/js/os.js shapes them as Node does.
bool InstallOsBindings(v8::Local<v8::Context> context, v8::Local<v8::Object> binding);

}  // namespace islet::runtime
