#include "runtime/worker/code_cache.h"

#include <functional>

#include "runtime/base/log.h"
#include "runtime/base/mutex.h"
#include "runtime/worker/errors.h"

namespace islet::runtime {

CodeCache& CodeCache::Get() {
  static CodeCache* cache = new CodeCache();  // shared by every isolate, never destroyed
  return *cache;
}

std::shared_ptr<const CodeCache::Entry> CodeCache::Find(const std::string& name,
                                                        std::string_view source) const {
  MutexLock lock(mu_);
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second->source != source) return nullptr;
  return it->second;
}

void CodeCache::Store(const std::string& name, std::string source, const uint8_t* data,
                      size_t length) {
  MutexLock lock(mu_);
  if (source.size() > kMaxSource) return;
  if (auto it = entries_.find(name); it != entries_.end()) {
    if (it->second->source == source) return;
    // The file changed (a new upload of it): the newer source wins.
    total_ -= it->second->source.size() + it->second->data.size();
    entries_.erase(it);
  }
  size_t size = source.size() + length;
  if (total_ + size > kMaxTotal) return;
  auto entry = std::make_shared<Entry>();
  entry->source = std::move(source);
  entry->data.assign(data, data + length);
  entries_.emplace(name, std::move(entry));
  total_ += size;
}

void CodeCache::Forget(const std::string& name, const std::shared_ptr<const Entry>& entry) {
  MutexLock lock(mu_);
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second != entry) return;
  total_ -= it->second->source.size() + it->second->data.size();
  entries_.erase(it);
}

void CompileLog::AddFunction(v8::Isolate* isolate, std::string name, std::string source,
                             v8::Local<v8::Function> fn) {
  Compiled& c = compiled_.emplace_back();
  c.name = std::move(name);
  c.source = std::move(source);
  c.function.Reset(isolate, fn);
}

void CompileLog::AddScript(v8::Isolate* isolate, std::string name, std::string source,
                           v8::Local<v8::UnboundScript> script) {
  Compiled& c = compiled_.emplace_back();
  c.name = std::move(name);
  c.source = std::move(source);
  c.script.Reset(isolate, script);
}

void CompileLog::Flush() {
  CodeCache& cache = CodeCache::Get();
  for (Compiled& c : compiled_) {
    if (cache.Has(c.name, c.source)) continue;
    std::unique_ptr<v8::ScriptCompiler::CachedData> data;
    if (!c.function.IsEmpty()) {
      v8::Isolate* isolate = v8::Isolate::GetCurrent();
      data.reset(v8::ScriptCompiler::CreateCodeCacheForFunction(c.function.Get(isolate)));
    } else {
      v8::Isolate* isolate = v8::Isolate::GetCurrent();
      data.reset(v8::ScriptCompiler::CreateCodeCache(c.script.Get(isolate)));
    }
    if (data && data->length > 0) {
      cache.Store(c.name, std::move(c.source), data->data, static_cast<size_t>(data->length));
    }
  }
  compiled_.clear();
}

namespace {

// Code of `new Worker(code, {eval: true})` all has one name: keyed by its
// source too, so that different eval workers do not replace each other's
// entry at every spawn.
std::string KeyFor(std::string name, const std::string& source) {
  if (!name.starts_with("[worker eval]")) return name;
  return name + "#" + std::to_string(std::hash<std::string>{}(source));
}

// A source's text, to check a cache entry against: an embedded source (an
// external one-byte string) as its bytes are, anything else as UTF-8. (The
// UTF-8 conversion of the 45 KB CommonJS loader took ~90 us, and was made
// twice per compile.)
std::string TextOf(v8::Isolate* isolate, v8::Local<v8::String> source) {
  if (source->IsExternalOneByte()) {
    const v8::String::ExternalOneByteStringResource* bytes =
        source->GetExternalOneByteStringResource();
    return std::string(bytes->data(), bytes->length());
  }
  return ToUtf8(isolate, source);
}

// One compile through the cache: hands V8 the cached data if there is an
// entry, and afterwards forgets a cache V8 rejected.
class CachedCompile {
 public:
  CachedCompile(v8::Isolate* isolate, v8::Local<v8::String> source, v8::Local<v8::String> name)
      : text(TextOf(isolate, source)),
        key(KeyFor(ToUtf8(isolate, name), text)),
        entry_(CodeCache::Get().Find(key, text)),
        source_(source, v8::ScriptOrigin(isolate, name),
                entry_ ? new v8::ScriptCompiler::CachedData(  // owned by source_
                             entry_->data.data(), static_cast<int>(entry_->data.size()),
                             v8::ScriptCompiler::CachedData::BufferNotOwned)
                       : nullptr) {}

  ~CachedCompile() {
    if (entry_ && source_.GetCachedData()->rejected) {
      Logger("isolate")->debug("code cache for {} rejected", key);
      CodeCache::Get().Forget(key, entry_);
    }
  }

  v8::ScriptCompiler::Source* source() { return &source_; }
  v8::ScriptCompiler::CompileOptions options() const {
    return entry_ ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions;
  }
  // Compiled without a cache: the isolate's CompileLog (if it records) should have it.
  CompileLog* log(v8::Isolate* isolate) const { return entry_ ? nullptr : CompileLog::Of(isolate); }

  std::string text;  // before `key`, which is made from it
  std::string key;

 private:
  std::shared_ptr<const CodeCache::Entry> entry_;  // keeps the cached bytes alive
  v8::ScriptCompiler::Source source_;
};

}  // namespace

v8::MaybeLocal<v8::Function> CompileFunctionCached(v8::Local<v8::Context> context,
                                                   v8::Local<v8::String> source,
                                                   v8::Local<v8::String> name,
                                                   std::vector<v8::Local<v8::String>>& params) {
  v8::Isolate* isolate = context->GetIsolate();
  CachedCompile compile(isolate, source, name);
  v8::MaybeLocal<v8::Function> fn = v8::ScriptCompiler::CompileFunction(
      context, compile.source(), params.size(), params.data(), 0, nullptr, compile.options());
  v8::Local<v8::Function> compiled;
  CompileLog* log = compile.log(isolate);
  if (log != nullptr && fn.ToLocal(&compiled)) {
    log->AddFunction(isolate, std::move(compile.key), std::move(compile.text), compiled);
  }
  return fn;
}

v8::MaybeLocal<v8::Script> CompileScriptCached(v8::Local<v8::Context> context,
                                               v8::Local<v8::String> source,
                                               v8::Local<v8::String> name) {
  v8::Isolate* isolate = context->GetIsolate();
  CachedCompile compile(isolate, source, name);
  v8::MaybeLocal<v8::Script> script =
      v8::ScriptCompiler::Compile(context, compile.source(), compile.options());
  v8::Local<v8::Script> compiled;
  CompileLog* log = compile.log(isolate);
  if (log != nullptr && script.ToLocal(&compiled)) {
    log->AddScript(isolate, std::move(compile.key), std::move(compile.text),
                   compiled->GetUnboundScript());
  }
  return script;
}

}  // namespace islet::runtime
