#include "runtime/worker/code_cache.h"

#include "runtime/base/log.h"

namespace islet::runtime {

namespace {

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::String> s) {
  std::string out(s->Utf8Length(isolate), '\0');
  s->WriteUtf8(isolate, out.data(), static_cast<int>(out.size()), nullptr,
               v8::String::NO_NULL_TERMINATION);
  return out;
}

}  // namespace

CodeCache& CodeCache::Get() {
  static CodeCache* cache = new CodeCache();  // shared by every isolate, never destroyed
  return *cache;
}

std::shared_ptr<const CodeCache::Entry> CodeCache::Find(const std::string& name,
                                                        std::string_view source) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second->source != source) return nullptr;
  return it->second;
}

void CodeCache::Store(const std::string& name, std::string source, const uint8_t* data,
                      size_t length) {
  std::lock_guard lock(mu_);
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

void CodeCache::Forget(const std::string& name) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(name);
  if (it == entries_.end()) return;
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

v8::MaybeLocal<v8::Function> CompileFunctionCached(v8::Local<v8::Context> context,
                                                   v8::Local<v8::String> source,
                                                   v8::Local<v8::String> name,
                                                   std::vector<v8::Local<v8::String>>& params) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string key = Utf8(isolate, name);
  std::string text = Utf8(isolate, source);
  auto entry = CodeCache::Get().Find(key, text);
  v8::ScriptOrigin origin(isolate, name);
  auto* cached = entry ? new v8::ScriptCompiler::CachedData(
                             entry->data.data(), static_cast<int>(entry->data.size()),
                             v8::ScriptCompiler::CachedData::BufferNotOwned)
                       : nullptr;
  v8::ScriptCompiler::Source src(source, origin, cached);  // owns `cached`
  v8::MaybeLocal<v8::Function> fn = v8::ScriptCompiler::CompileFunction(
      context, &src, params.size(), params.data(), 0, nullptr,
      cached ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions);
  if (cached && src.GetCachedData()->rejected) {
    Logger("isolate")->debug("code cache for {} rejected", key);
    CodeCache::Get().Forget(key);
  }
  v8::Local<v8::Function> compiled;
  if (!cached && fn.ToLocal(&compiled)) {
    if (CompileLog* log = CompileLog::Of(isolate)) {
      log->AddFunction(isolate, std::move(key), std::move(text), compiled);
    }
  }
  return fn;
}

v8::MaybeLocal<v8::Script> CompileScriptCached(v8::Local<v8::Context> context,
                                               v8::Local<v8::String> source,
                                               v8::Local<v8::String> name) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string key = Utf8(isolate, name);
  std::string text = Utf8(isolate, source);
  auto entry = CodeCache::Get().Find(key, text);
  v8::ScriptOrigin origin(isolate, name);
  auto* cached = entry ? new v8::ScriptCompiler::CachedData(
                             entry->data.data(), static_cast<int>(entry->data.size()),
                             v8::ScriptCompiler::CachedData::BufferNotOwned)
                       : nullptr;
  v8::ScriptCompiler::Source src(source, origin, cached);
  v8::MaybeLocal<v8::Script> script = v8::ScriptCompiler::Compile(
      context, &src,
      cached ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions);
  if (cached && src.GetCachedData()->rejected) {
    Logger("isolate")->debug("code cache for {} rejected", key);
    CodeCache::Get().Forget(key);
  }
  v8::Local<v8::Script> compiled;
  if (!cached && script.ToLocal(&compiled)) {
    if (CompileLog* log = CompileLog::Of(isolate)) {
      log->AddScript(isolate, std::move(key), std::move(text), compiled->GetUnboundScript());
    }
  }
  return script;
}

}  // namespace islet::runtime
