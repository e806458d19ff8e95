#pragma once

#include <v8.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/worker/isolate_slots.h"

namespace islet::runtime {

// V8 code caches shared by every isolate of the process, so that a new
// worker neither compiles islet's builtin modules nor lazily compiles the
// functions its start-up runs (initWorker, require, the port plumbing), nor
// its own main file when another worker already ran the same one.
//
// A cache is made once, by the first isolate that compiled a script, after
// that isolate's first turn (so the functions the turn ran are in it); every
// later compile of the same name and source consumes it. Entries are keyed
// by name and checked against the full source (V8 itself only checks the
// source's length). Thread-safe.
class CodeCache {
 public:
  static CodeCache& Get();

  struct Entry {
    std::string source;
    std::vector<uint8_t> data;
  };

  // The cache for `name` if its source is `source`, else null.
  std::shared_ptr<const Entry> Find(const std::string& name, std::string_view source) const;
  bool Has(const std::string& name, std::string_view source) const {
    return Find(name, source) != nullptr;
  }
  // Keeps `data` for (name, source) unless one is kept already or the cache
  // is full. V8 rejected caches are dropped with Forget.
  void Store(const std::string& name, std::string source, const uint8_t* data, size_t length);
  // Drops `name`'s entry if it is still `entry` (not one stored since).
  void Forget(const std::string& name, const std::shared_ptr<const Entry>& entry);

 private:
  // User sources cached at most this large, and all entries together.
  static constexpr size_t kMaxSource = 1u << 20;
  static constexpr size_t kMaxTotal = 64u << 20;

  mutable Mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_ GUARDED_BY(mu_);
  size_t total_ GUARDED_BY(mu_) = 0;
};

// The scripts an isolate compiled without a cache, until its first turn is
// over and caches are made from them (Flush). Lives on the isolate
// (SetData slot kCompileLogSlot) while it records. Isolate thread only.
class CompileLog {
 public:
  static CompileLog* Of(v8::Isolate* isolate) {
    return static_cast<CompileLog*>(isolate->GetData(kCompileLogSlot));
  }

  void AddFunction(v8::Isolate* isolate, std::string name, std::string source,
                   v8::Local<v8::Function> fn);
  void AddScript(v8::Isolate* isolate, std::string name, std::string source,
                 v8::Local<v8::UnboundScript> script);
  // Makes and stores the missing caches; then the log is empty.
  void Flush();

 private:
  struct Compiled {
    std::string name;
    std::string source;
    v8::Global<v8::Function> function;     // from CompileFunction, or
    v8::Global<v8::UnboundScript> script;  // from Script::Compile
  };
  std::vector<Compiled> compiled_;
};

// Compiles through the cache: consumes one if there is one, else compiles
// and (if the isolate records) logs the result for Flush.
v8::MaybeLocal<v8::Function> CompileFunctionCached(v8::Local<v8::Context> context,
                                                   v8::Local<v8::String> source,
                                                   v8::Local<v8::String> name,
                                                   std::vector<v8::Local<v8::String>>& params);
v8::MaybeLocal<v8::Script> CompileScriptCached(v8::Local<v8::Context> context,
                                               v8::Local<v8::String> source,
                                               v8::Local<v8::String> name);

}  // namespace islet::runtime
