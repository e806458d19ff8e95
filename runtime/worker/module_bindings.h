#pragma once

#include <v8.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace islet::runtime {

// A worker's ES modules, as V8 sees them: each compiled module (source text
// or synthetic) has a small id the JS loader (runtime/js/esm_loader.js)
// names it by. The loader resolves specifiers itself and tells the registry
// what each of a module's requests resolved to (Link) before instantiating;
// V8's resolve callback then only looks that up. Modules live as long as the
// worker. Executor thread, isolate locked; owned by the Worker, which
// destroys it before its isolate.
class ModuleRegistry {
 public:
  ModuleRegistry() = default;
  ModuleRegistry(const ModuleRegistry&) = delete;
  ModuleRegistry& operator=(const ModuleRegistry&) = delete;

  // Sets the callbacks an isolate needs for import() and import.meta.
  static void InstallIsolateCallbacks(v8::Isolate* isolate);

  struct Entry {
    v8::Global<v8::Module> module;
    std::string url;
    std::unordered_map<std::string, uint32_t> links;  // specifier -> id
    v8::Global<v8::Array> synthetic_names;            // a synthetic module's exports
    v8::Global<v8::Function> synthetic_evaluate;      // returns their values
  };

  uint32_t Add(v8::Isolate* isolate, v8::Local<v8::Module> module, std::string url);
  Entry* Get(uint32_t id);
  // The id of `module`, 0 if it is none of ours.
  uint32_t IdOf(v8::Local<v8::Module> module);

  void SetHooks(v8::Isolate* isolate, v8::Local<v8::Function> import_dynamic,
                v8::Local<v8::Function> init_meta);
  v8::Local<v8::Function> import_hook(v8::Isolate* isolate) { return import_hook_.Get(isolate); }
  v8::Local<v8::Function> meta_hook(v8::Isolate* isolate) { return meta_hook_.Get(isolate); }

 private:
  std::vector<Entry> entries_;                      // id = index + 1
  std::unordered_multimap<int, uint32_t> by_hash_;  // identity hash -> ids
  v8::Global<v8::Function> import_hook_;
  v8::Global<v8::Function> meta_hook_;
};

}  // namespace islet::runtime
