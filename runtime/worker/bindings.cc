#include "runtime/worker/bindings.h"

#include <node_version.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "runtime/js/sources.h"
#include "runtime/version.h"
#include "runtime/worker/binding_util.h"
#include "runtime/worker/code_cache.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/module_bindings.h"
#include "runtime/worker/native_modules.h"
#include "runtime/worker/port_bindings.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

using binding_util::Self;
using binding_util::Str;

void ThrowTypeError(v8::Isolate* isolate, std::string_view message) {
  isolate->ThrowException(v8::Exception::TypeError(Str(isolate, message)));
}

int64_t MonotonicNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The daemon's resident set now (process.memoryUsage().rss), from statm.
size_t CurrentRssBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long pages_total = 0, pages_resident = 0;
  int n = std::fscanf(f, "%lu %lu", &pages_total, &pages_resident);
  std::fclose(f);
  return n == 2 ? pages_resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

// binding.internalSource(name) -> string | undefined
void InternalSource(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string name = ToUtf8(isolate, args[0]);
  std::string_view text = js::FindSource(name);
  if (text.empty()) return;
  args.GetReturnValue().Set(binding_util::SourceString(isolate, text));
}

// binding.builtinIds() -> the id of every embedded source
void BuiltinIds(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<Local<Value>> ids;
  for (size_t i = 0; i < js::kSourceCount; ++i) ids.push_back(Str(isolate, js::kSources[i].name));
  args.GetReturnValue().Set(v8::Array::New(isolate, ids.data(), ids.size()));
}

// binding.builtinIdentifiers() -> every identifier in the builtin modules'
// sources (not internal/deps/), each once: internal/primordials captures
// only these. Found once per process.
void BuiltinIdentifiers(const FunctionCallbackInfo<Value>& args) {
  static const std::vector<std::string> kIdentifiers = [] {
    std::set<std::string> found;
    auto start = [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    };
    auto part = [&](char c) { return start(c) || std::isdigit(static_cast<unsigned char>(c)); };
    for (size_t i = 0; i < js::kSourceCount; ++i) {
      if (js::kSources[i].name.starts_with("internal/deps/")) continue;
      std::string_view text = js::kSources[i].text;
      for (size_t at = 0; at < text.size();) {
        if (!start(text[at]) || (at > 0 && part(text[at - 1]))) {
          ++at;
          continue;
        }
        size_t end = at;
        while (end < text.size() && part(text[end])) ++end;
        found.emplace(text.substr(at, end - at));
        at = end;
      }
    }
    return std::vector<std::string>(found.begin(), found.end());
  }();
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<Local<Value>> names;
  names.reserve(kIdentifiers.size());
  for (const std::string& name : kIdentifiers) names.push_back(Str(isolate, name));
  args.GetReturnValue().Set(v8::Array::New(isolate, names.data(), names.size()));
}

// binding.compileFunction(source, filename, [params]) -> function
void CompileFunction(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsString() || !args[1]->IsString() || !args[2]->IsArray()) {
    return ThrowTypeError(isolate, "compileFunction(source, filename, params)");
  }
  Local<v8::Array> list = args[2].As<v8::Array>();
  std::vector<Local<v8::String>> params;
  for (uint32_t i = 0; i < list->Length(); ++i) {
    Local<Value> p;
    if (!list->Get(context, i).ToLocal(&p) || !p->IsString()) return;
    params.push_back(p.As<v8::String>());
  }
  Local<v8::Function> fn;
  if (CompileFunctionCached(context, args[0].As<v8::String>(), args[1].As<v8::String>(), params)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

// binding.runScript(source, filename) -> completion value
void RunScript(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsString() || !args[1]->IsString()) {
    return ThrowTypeError(isolate, "runScript(source, filename)");
  }
  Local<v8::Script> script;
  Local<Value> result;
  if (CompileScriptCached(context, args[0].As<v8::String>(), args[1].As<v8::String>())
          .ToLocal(&script) &&
      script->Run(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

void Set(Local<v8::Context> context, Local<v8::Object> obj, std::string_view key,
         Local<Value> value) {
  (void)binding_util::DefineData(context, obj, key, value);
}

// binding.workerInfo() -> {filename, argv, env, root, cwd, pid, ...}
void GetWorkerInfo(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  const WorkerConfig& config = Self(args)->config();
  std::string root = config.bundle->root.empty() ? "/" : config.bundle->root;
  Local<v8::Object> info = v8::Object::New(isolate);
  Set(context, info, "root", Str(isolate, root));
  Set(context, info, "cwd", Str(isolate, config.bundle->cwd.empty() ? root : config.bundle->cwd));
  Set(context, info, "filename",
      Str(isolate, !config.eval_code.empty() ? std::string("[worker eval]")
                   : root == "/"             ? "/" + config.main
                                             : root + "/" + config.main));
  Local<v8::Array> argv = v8::Array::New(isolate, static_cast<int>(config.argv.size()));
  for (size_t i = 0; i < config.argv.size(); ++i) {
    if (argv->CreateDataProperty(context, static_cast<uint32_t>(i), Str(isolate, config.argv[i]))
            .IsNothing()) {
      return;
    }
  }
  Set(context, info, "argv", argv);
  Set(context, info, "pid", v8::Integer::New(isolate, getpid()));
  Set(context, info, "workerId", v8::Number::New(isolate, static_cast<double>(config.id)));
  Set(context, info, "jobId", v8::Number::New(isolate, static_cast<double>(config.job_id)));
  Set(context, info, "threadId", v8::Integer::NewFromUnsigned(isolate, config.thread_id));
  Set(context, info, "isMainThread", v8::Boolean::New(isolate, config.is_main_thread));
  Set(context, info, "name", Str(isolate, config.name));
  Set(context, info, "isletVersion", Str(isolate, kVersion));
  Set(context, info, "parentPort", v8::Number::New(isolate, double(config.parent_port)));
  Set(context, info, "isEval", v8::Boolean::New(isolate, !config.eval_code.empty()));
  Set(context, info, "evalCode", Str(isolate, config.eval_code));
  Set(context, info, "timeOriginNs", v8::Number::New(isolate, double(config.time_origin_ns)));
  Set(context, info, "timeOriginMs", v8::Number::New(isolate, config.time_origin_ms));
  if (Self(args)->host()->expose_internals()) {
    Set(context, info, "exposeInternals", v8::True(isolate));
  }
  args.GetReturnValue().Set(info);
}

void V8Version(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(Str(args.GetIsolate(), v8::V8::GetVersion()));
}

// binding.engineNodeVersion() -> "18.20.4": the Node release whose V8
// islet embeds (Debian's libnode), so whose language scripts get.
void EngineNodeVersion(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(Str(args.GetIsolate(), NODE_VERSION_STRING));
}

void Uptime(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(Self(args)->UptimeSeconds());
}

void HrtimeNs(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(MonotonicNs()));
}

void HrtimeBigint(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(v8::BigInt::New(args.GetIsolate(), MonotonicNs()));
}

void MemoryUsage(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  v8::HeapStatistics heap;
  isolate->GetHeapStatistics(&heap);
  Local<v8::Object> out = v8::Object::New(isolate);
  Set(context, out, "rss", v8::Number::New(isolate, double(CurrentRssBytes())));
  Set(context, out, "heapTotal", v8::Number::New(isolate, double(heap.total_heap_size())));
  Set(context, out, "heapUsed", v8::Number::New(isolate, double(heap.used_heap_size())));
  Set(context, out, "external", v8::Number::New(isolate, double(heap.external_memory())));
  Set(context, out, "arrayBuffers", v8::Number::New(isolate, double(heap.external_memory())));
  args.GetReturnValue().Set(out);
}

void CpuUsage(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  double cpu_us = Self(args)->stats().cpu_seconds * 1e6;
  Local<v8::Object> out = v8::Object::New(isolate);
  Set(context, out, "user", v8::Number::New(isolate, cpu_us));
  Set(context, out, "system", v8::Number::New(isolate, 0));
  args.GetReturnValue().Set(out);
}

// process.env lives in the worker's EnvStore (shared under SHARE_ENV).
void EnvGet(const FunctionCallbackInfo<Value>& args) {
  std::string value;
  if (Self(args)->config().env_store->Get(ToUtf8(args.GetIsolate(), args[0]), &value)) {
    args.GetReturnValue().Set(Str(args.GetIsolate(), value));
  }
}

void EnvSet(const FunctionCallbackInfo<Value>& args) {
  Self(args)->config().env_store->Set(ToUtf8(args.GetIsolate(), args[0]),
                                      ToUtf8(args.GetIsolate(), args[1]));
}

void EnvDelete(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(
      Self(args)->config().env_store->Erase(ToUtf8(args.GetIsolate(), args[0])));
}

void EnvKeys(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  auto snapshot = Self(args)->config().env_store->Snapshot();
  std::vector<Local<Value>> keys;
  for (const auto& [k, v] : snapshot) keys.push_back(Str(isolate, k));
  args.GetReturnValue().Set(v8::Array::New(isolate, keys.data(), keys.size()));
}

// binding.write(fd, string)
void Write(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int fd = args[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(1);
  std::string text = ToUtf8(isolate, args[1]);
  Self(args)->Write(fd == 2 ? Stream::kStderr : Stream::kStdout, text);
}

// binding.controlPost(json): what the worker posted on its control port.
void ControlPost(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  self->host()->OnControl(self->config().id, ToUtf8(args.GetIsolate(), args[0]));
}

// binding.decodeUtf8(view) -> string
void DecodeUtf8(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsArrayBufferView()) {
    args.GetReturnValue().Set(
        args[0]->ToString(isolate->GetCurrentContext()).FromMaybe(Local<v8::String>()));
    return;
  }
  Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
  std::string bytes(view->ByteLength(), '\0');
  view->CopyContents(bytes.data(), bytes.size());
  args.GetReturnValue().Set(Str(isolate, bytes));
}

void ReallyExit(const FunctionCallbackInfo<Value>& args) {
  int code = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  Self(args)->RequestExit(code);
}

void RunMicrotasks(const FunctionCallbackInfo<Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

// binding.reportUncaught(error): a queueMicrotask callback threw.
void ReportUncaught(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Worker* self = Self(args);
  self->HandleUncaught(isolate->GetCurrentContext(), args[0],
                       v8::Exception::CreateMessage(isolate, args[0]));
  // Fatal: nothing more of this worker's JS runs, later microtasks included.
  if (self->finishing()) isolate->TerminateExecution();
}

void EnqueueMicrotask(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsFunction()) return;
  args.GetIsolate()->EnqueueMicrotask(args[0].As<v8::Function>());
}

void TimerStart(const FunctionCallbackInfo<Value>& args) {
  Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  uint32_t id = args[0]->Uint32Value(context).FromMaybe(0);
  double ms = args[1]->NumberValue(context).FromMaybe(1);
  Self(args)->TimerStart(id, static_cast<int64_t>(ms), args[2]->BooleanValue(args.GetIsolate()));
}

void TimerStop(const FunctionCallbackInfo<Value>& args) {
  Self(args)->TimerStop(args[0]->Uint32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0));
}

void TimerRef(const FunctionCallbackInfo<Value>& args) {
  Self(args)->TimerRef(args[0]->Uint32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0),
                       args[1]->BooleanValue(args.GetIsolate()));
}

void ImmediateState(const FunctionCallbackInfo<Value>& args) {
  Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  Self(args)->SetImmediateState(args[0]->Int32Value(context).FromMaybe(0),
                                args[1]->Int32Value(context).FromMaybe(0));
}

// binding.readFile(bundleName) -> string | undefined (through links)
void ReadFile(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  const std::string* content = Self(args)->config().bundle->Read(ToUtf8(isolate, args[0]));
  if (content == nullptr) return;
  args.GetReturnValue().Set(Str(isolate, *content));
}

// binding.fileKind(bundleName) -> 0 missing, 1 file, 2 directory (through
// links; "" is the root directory). A probe that copies nothing.
void FileKind(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bundle::Kind kind = Self(args)->config().bundle->KindOf(ToUtf8(isolate, args[0]));
  args.GetReturnValue().Set(kind == Bundle::Kind::kFile        ? 1
                            : kind == Bundle::Kind::kDirectory ? 2
                                                               : 0);
}

// binding.realpath(bundleName) -> the name with every link resolved, or
// undefined when nothing is there.
void RealPath(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  auto real = Self(args)->config().bundle->RealPath(ToUtf8(isolate, args[0]));
  if (!real) return;
  args.GetReturnValue().Set(Str(isolate, *real));
}

// For util.inspect: [state, result] with 0 pending, 1 fulfilled, 2 rejected.
void GetPromiseState(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsPromise()) return;
  Local<v8::Promise> promise = args[0].As<v8::Promise>();
  int state = promise->State() == v8::Promise::kPending     ? 0
              : promise->State() == v8::Promise::kFulfilled ? 1
                                                            : 2;
  Local<Value> items[] = {v8::Integer::New(isolate, state),
                          state == 0 ? Local<Value>(v8::Undefined(isolate)) : promise->Result()};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

// For util.inspect: the entries of a Map/Set iterator or a WeakMap/WeakSet.
void PreviewEntries(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsObject()) return;
  bool is_key_value = false;
  Local<v8::Array> entries;
  if (!args[0].As<v8::Object>()->PreviewEntries(&is_key_value).ToLocal(&entries)) return;
  // As Node's: [entries, isKeyValue] for an iterator, the entries alone
  // (keys and values interleaved) for a WeakMap or WeakSet.
  if (!args[1]->IsTrue()) return args.GetReturnValue().Set(entries);
  Local<Value> items[] = {entries, v8::Boolean::New(isolate, is_key_value)};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

// For util.inspect: V8's name for an object's constructor (what a class
// instance whose prototype chain has no usable `constructor` is labelled).
void GetConstructorName(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsObject()) return;
  args.GetReturnValue().Set(args[0].As<v8::Object>()->GetConstructorName());
}

// For util.inspect: [target, handler] of a Proxy, else undefined.
void GetProxyDetails(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsProxy()) return;
  Local<v8::Proxy> proxy = args[0].As<v8::Proxy>();
  Local<Value> items[] = {proxy->GetTarget(), proxy->GetHandler()};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

// util.types: one function per V8 type predicate.
// clang-format off
#define ISLET_TYPE_PREDICATES(V) \
  V(isExternal, IsExternal) \
  V(isDate, IsDate) \
  V(isArgumentsObject, IsArgumentsObject) \
  V(isBigIntObject, IsBigIntObject) \
  V(isBooleanObject, IsBooleanObject) \
  V(isNumberObject, IsNumberObject) \
  V(isStringObject, IsStringObject) \
  V(isSymbolObject, IsSymbolObject) \
  V(isNativeError, IsNativeError) \
  V(isRegExp, IsRegExp) \
  V(isAsyncFunction, IsAsyncFunction) \
  V(isGeneratorFunction, IsGeneratorFunction) \
  V(isGeneratorObject, IsGeneratorObject) \
  V(isPromise, IsPromise) \
  V(isMap, IsMap) \
  V(isSet, IsSet) \
  V(isMapIterator, IsMapIterator) \
  V(isSetIterator, IsSetIterator) \
  V(isWeakMap, IsWeakMap) \
  V(isWeakSet, IsWeakSet) \
  V(isArrayBuffer, IsArrayBuffer) \
  V(isDataView, IsDataView) \
  V(isSharedArrayBuffer, IsSharedArrayBuffer) \
  V(isProxy, IsProxy) \
  V(isModuleNamespaceObject, IsModuleNamespaceObject) \
  V(isArrayBufferView, IsArrayBufferView) \
  V(isTypedArray, IsTypedArray) \
  V(isUint8Array, IsUint8Array) \
  V(isUint8ClampedArray, IsUint8ClampedArray) \
  V(isUint16Array, IsUint16Array) \
  V(isUint32Array, IsUint32Array) \
  V(isInt8Array, IsInt8Array) \
  V(isInt16Array, IsInt16Array) \
  V(isInt32Array, IsInt32Array) \
  V(isFloat32Array, IsFloat32Array) \
  V(isFloat64Array, IsFloat64Array) \
  V(isBigInt64Array, IsBigInt64Array) \
  V(isBigUint64Array, IsBigUint64Array)
// clang-format on

#define ISLET_DEFINE_PREDICATE(js, cc)                      \
  void Type_##js(const FunctionCallbackInfo<Value>& args) { \
    args.GetReturnValue().Set(args[0]->cc());               \
  }
ISLET_TYPE_PREDICATES(ISLET_DEFINE_PREDICATE)
#undef ISLET_DEFINE_PREDICATE

void IsAnyArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsArrayBuffer() || args[0]->IsSharedArrayBuffer());
}

void IsBoxedPrimitive(const FunctionCallbackInfo<Value>& args) {
  Local<Value> v = args[0];
  args.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() || v->IsBooleanObject() ||
                            v->IsBigIntObject() || v->IsSymbolObject());
}

}  // namespace

#define ISLET_ENTRY(js, cc) {#js, Type_##js},
constexpr binding_util::Function kTypesFunctions[] = {
    ISLET_TYPE_PREDICATES(ISLET_ENTRY){"isAnyArrayBuffer", IsAnyArrayBuffer},
    {"isBoxedPrimitive", IsBoxedPrimitive}};
#undef ISLET_ENTRY
const NativeModule kTypesModule = {"types", kTypesFunctions};

constexpr binding_util::Function kBuiltinsFunctions[] = {
    {"internalSource", InternalSource},
    {"builtinIds", BuiltinIds},
    {"builtinIdentifiers", BuiltinIdentifiers},
    {"compileFunction", CompileFunction},
    {"runScript", RunScript},
};
const NativeModule kBuiltinsModule = {"builtins", kBuiltinsFunctions};

constexpr binding_util::Function kProcessFunctions[] = {
    {"workerInfo", GetWorkerInfo},
    {"v8Version", V8Version},
    {"engineNodeVersion", EngineNodeVersion},
    {"uptime", Uptime},
    {"hrtimeNs", HrtimeNs},
    {"hrtimeBigint", HrtimeBigint},
    {"memoryUsage", MemoryUsage},
    {"cpuUsage", CpuUsage},
    {"write", Write},
    {"decodeUtf8", DecodeUtf8},
    {"reallyExit", ReallyExit},
    {"reportUncaught", ReportUncaught},
    {"envGet", EnvGet},
    {"envSet", EnvSet},
    {"envDelete", EnvDelete},
    {"envKeys", EnvKeys},
    {"controlPost", ControlPost},
};
const NativeModule kProcessModule = {"process", kProcessFunctions};

constexpr binding_util::Function kTaskQueueFunctions[] = {
    {"runMicrotasks", RunMicrotasks}, {"enqueueMicrotask", EnqueueMicrotask},
    {"timerStart", TimerStart},       {"timerStop", TimerStop},
    {"timerRef", TimerRef},           {"immediateState", ImmediateState},
};
const NativeModule kTaskQueueModule = {"task_queue", kTaskQueueFunctions};

constexpr binding_util::Function kBundleFunctions[] = {
    {"readFile", ReadFile},
    {"fileKind", FileKind},
    {"realpath", RealPath},
};
const NativeModule kBundleModule = {"bundle", kBundleFunctions};

constexpr binding_util::Function kUtilFunctions[] = {
    {"getPromiseState", GetPromiseState},
    {"previewEntries", PreviewEntries},
    {"getProxyDetails", GetProxyDetails},
    {"getConstructorName", GetConstructorName},
};
const NativeModule kUtilModule = {"util", kUtilFunctions};

namespace {

// { [module name]: { [function name]: function } } for every native module,
// plus the MessagePort constructor in `messaging`. No prototypes anywhere:
// internal JS reads names a module may lack (feature tests), and such a
// read must not reach a getter a script defined.
v8::MaybeLocal<v8::Object> NewBindingsObject(Local<v8::Context> context,
                                             Local<v8::FunctionTemplate> port_template) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  Local<v8::Object> all = binding_util::NewBareObject(isolate);
  for (const NativeModule* module : NativeModules()) {
    Local<v8::Object> functions = binding_util::NewBareObject(isolate);
    if (!binding_util::SetFunctions(context, functions, module->functions) ||
        !binding_util::DefineData(context, all, module->name, functions)) {
      return {};
    }
    if (module == &kMessagingModule) {
      Local<v8::Function> port_ctor;
      if (!port_template->GetFunction(context).ToLocal(&port_ctor) ||
          !binding_util::DefineData(context, functions, "MessagePort", port_ctor)) {
        return {};
      }
    }
  }
  return scope.Escape(all);
}

}  // namespace

v8::MaybeLocal<v8::Object> RunBootstrap(v8::Local<v8::Context> context,
                                        v8::Local<v8::FunctionTemplate> port_template) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  Local<v8::Object> bindings;
  if (!NewBindingsObject(context, port_template).ToLocal(&bindings)) return {};

  std::string_view source = js::FindSource("bootstrap");
  Local<v8::Script> script;
  Local<Value> factory;
  if (!CompileScriptCached(context, binding_util::SourceString(isolate, source),
                           Str(isolate, "node:internal/bootstrap"))
           .ToLocal(&script) ||
      !script->Run(context).ToLocal(&factory) || !factory->IsFunction()) {
    return {};
  }
  Local<Value> argv[] = {bindings};
  Local<Value> hooks;
  if (!factory.As<v8::Function>()->Call(context, v8::Undefined(isolate), 1, argv).ToLocal(&hooks) ||
      !hooks->IsObject()) {
    return {};
  }
  return scope.Escape(hooks.As<v8::Object>());
}

}  // namespace islet::runtime
