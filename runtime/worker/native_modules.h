#pragma once

// The native side of the JS environment, in one table. Each file that
// defines bindings exports its modules here (a name and its functions); an
// internal JS module asks for one by name (`internalBinding('messaging')`)
// and gets an object holding only that module's functions. Everything the
// environment's JS can call natively is listed here, which is also what V8
// needs to snapshot the environment (ExternalReferences).

#include <v8.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "runtime/worker/binding_util.h"

namespace islet::runtime {

struct NativeModule {
  std::string_view name;
  std::span<const binding_util::Function> functions;
};

// Exported by the files that define them.
extern const NativeModule kBuiltinsModule;   // bindings.cc: internal sources, compiling
extern const NativeModule kProcessModule;    // bindings.cc: process, env, output, exit
extern const NativeModule kTaskQueueModule;  // bindings.cc: microtasks, timers, immediates
extern const NativeModule kBundleModule;     // bindings.cc: the job's files
extern const NativeModule kUtilModule;       // bindings.cc: promise/proxy/collection internals
extern const NativeModule kTypesModule;      // bindings.cc: util.types predicates
extern const NativeModule kMessagingModule;  // port_bindings.cc: ports, structured clone
extern const NativeModule kWorkerModule;     // port_bindings.cc: workers, BroadcastChannel
extern const NativeModule kShmModule;        // shm_bindings.cc: named segments
extern const NativeModule kOsModule;         // os_bindings.cc
extern const NativeModule kModulesModule;    // module_bindings.cc: ES modules

// Every module, in one list.
std::span<const NativeModule* const> NativeModules();

// Every native function the environment can hold (each module's functions,
// the MessagePort constructor) and the embedded sources' string resources,
// null-terminated, as
// v8::Isolate::CreateParams::external_references and v8::SnapshotCreator
// want them. Built once; lives for the process.
const intptr_t* ExternalReferences();

// The MessagePort constructor's callback (port_bindings.cc).
void PortConstructor(const v8::FunctionCallbackInfo<v8::Value>& args);

}  // namespace islet::runtime
