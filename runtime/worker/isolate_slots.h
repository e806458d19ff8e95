#pragma once

#include <v8.h>

#include <cstdint>

namespace islet::runtime {

class Worker;

// What islet keeps in an isolate's embedder data slots
// (v8::Isolate::SetData/GetData): one name per slot, so no two parts of the
// runtime can claim the same one.
enum IsolateSlot : uint32_t {
  kWorkerSlot = 0,      // the Worker that owns the isolate (set once it is adopted)
  kCompileLogSlot = 1,  // the CompileLog of scripts compiled without a cache
};

// The worker whose isolate this is. Executor thread, isolate locked.
inline Worker* WorkerOf(v8::Isolate* isolate) {
  return static_cast<Worker*>(isolate->GetData(kWorkerSlot));
}

}  // namespace islet::runtime
