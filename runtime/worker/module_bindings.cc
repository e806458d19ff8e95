// ES modules: the native half of runtime/js/esm_loader.js. The loader finds,
// reads and resolves; this compiles (through the shared code cache),
// links as the loader says, instantiates and evaluates, and routes V8's
// import() and import.meta callbacks to the loader's hooks.
#include "runtime/worker/module_bindings.h"

#include <memory>

#include "runtime/base/log.h"
#include "runtime/worker/binding_util.h"
#include "runtime/worker/code_cache.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/native_modules.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

using binding_util::DefineData;
using binding_util::Str;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

uint32_t ModuleRegistry::Add(v8::Isolate* isolate, Local<v8::Module> module, std::string url) {
  Entry& entry = entries_.emplace_back();
  entry.module.Reset(isolate, module);
  entry.url = std::move(url);
  uint32_t id = static_cast<uint32_t>(entries_.size());
  by_hash_.emplace(module->GetIdentityHash(), id);
  return id;
}

ModuleRegistry::Entry* ModuleRegistry::Get(uint32_t id) {
  if (id == 0 || id > entries_.size()) return nullptr;
  return &entries_[id - 1];
}

uint32_t ModuleRegistry::IdOf(Local<v8::Module> module) {
  auto [begin, end] = by_hash_.equal_range(module->GetIdentityHash());
  for (auto it = begin; it != end; ++it) {
    if (entries_[it->second - 1].module == module) return it->second;
  }
  return 0;
}

void ModuleRegistry::SetHooks(v8::Isolate* isolate, Local<v8::Function> import_dynamic,
                              Local<v8::Function> init_meta) {
  import_hook_.Reset(isolate, import_dynamic);
  meta_hook_.Reset(isolate, init_meta);
}

namespace {

ModuleRegistry* RegistryOf(v8::Isolate* isolate) {
  Worker* worker = WorkerOf(isolate);
  return worker == nullptr ? nullptr : &worker->modules();
}

void ThrowError(v8::Isolate* isolate, std::string_view message) {
  isolate->ThrowException(v8::Exception::Error(Str(isolate, message)));
}

// The module `args[i]` names, or null (and a TypeError thrown).
ModuleRegistry::Entry* EntryArg(const FunctionCallbackInfo<Value>& args, int i) {
  v8::Isolate* isolate = args.GetIsolate();
  ModuleRegistry* registry = RegistryOf(isolate);
  ModuleRegistry::Entry* entry =
      registry == nullptr ? nullptr
                          : registry->Get(static_cast<uint32_t>(binding_util::ToId(args[i])));
  if (entry == nullptr) {
    isolate->ThrowException(v8::Exception::TypeError(Str(isolate, "no such module")));
  }
  return entry;
}

// An import's assertions ([key, value, ...] with `stride` entries each) as
// three values: the `type` one's value, and the first other key and its
// value (undefined where there are none).
void AssertionFields(Local<v8::Context> context, Local<v8::FixedArray> assertions, int stride,
                     Local<Value>* out) {
  v8::Isolate* isolate = context->GetIsolate();
  out[0] = out[1] = out[2] = v8::Undefined(isolate);
  for (int j = 0; j + 1 < assertions->Length(); j += stride) {
    Local<Value> name = assertions->Get(context, j).As<Value>();
    Local<Value> value = assertions->Get(context, j + 1).As<Value>();
    if (name->IsString() && ToUtf8(isolate, name) == "type") {
      out[0] = value;
    } else if (out[1]->IsUndefined()) {
      out[1] = name;
      out[2] = value;
    }
  }
}

// binding.moduleCompile(source, url) -> [id, requests]: requests holds, for
// each import of the module in source order, its specifier, the value of
// its `type` assertion, and the first other assertion's key and value
// (undefined where absent). A syntax error throws.
void ModuleCompile(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  ModuleRegistry* registry = RegistryOf(isolate);
  if (registry == nullptr || !args[0]->IsString() || !args[1]->IsString()) {
    return ThrowError(isolate, "moduleCompile(source, url)");
  }
  Local<v8::String> source = args[0].As<v8::String>();
  Local<v8::String> url = args[1].As<v8::String>();
  std::string url_text = ToUtf8(isolate, url);
  std::string key = "esm:" + url_text;
  std::string text = ToUtf8(isolate, source);
  auto cached = CodeCache::Get().Find(key, text);
  v8::ScriptOrigin origin(isolate, url, 0, 0, false, -1, Local<Value>(), false, false,
                          /*is_module=*/true);
  v8::ScriptCompiler::Source compile_source(
      source, origin,
      cached ? new v8::ScriptCompiler::CachedData(cached->data.data(),
                                                  static_cast<int>(cached->data.size()),
                                                  v8::ScriptCompiler::CachedData::BufferNotOwned)
             : nullptr);
  Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(
           isolate, &compile_source,
           cached ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&module)) {
    return;  // the SyntaxError is pending
  }
  if (cached && compile_source.GetCachedData()->rejected) {
    Logger("isolate")->debug("code cache for {} rejected", key);
    CodeCache::Get().Forget(key, cached);
  } else if (!cached) {
    // Made now, before the module runs (V8 makes none of an evaluated one):
    // the next worker that imports this file compiles nothing.
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(
        v8::ScriptCompiler::CreateCodeCache(module->GetUnboundModuleScript()));
    if (data) CodeCache::Get().Store(key, std::move(text), data->data, data->length);
  }
  uint32_t id = registry->Add(isolate, module, std::move(url_text));
  Local<v8::FixedArray> requests = module->GetModuleRequests();
  Local<v8::Array> out = v8::Array::New(isolate, requests->Length() * 4);
  for (int i = 0; i < requests->Length(); ++i) {
    Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
    Local<Value> fields[4];
    fields[0] = request->GetSpecifier();
    // [key, value, offset, key, value, offset, ...]
    AssertionFields(context, request->GetImportAssertions(), 3, &fields[1]);
    for (int f = 0; f < 4; ++f) {
      if (out->Set(context, 4 * i + f, fields[f]).IsNothing()) return;
    }
  }
  Local<Value> result[] = {v8::Integer::NewFromUnsigned(isolate, id), out};
  args.GetReturnValue().Set(v8::Array::New(isolate, result, 2));
}

// A synthetic module's evaluation: calls the function moduleSynthetic was
// given, which returns the export values in the order of the names.
v8::MaybeLocal<Value> EvaluateSynthetic(Local<v8::Context> context, Local<v8::Module> module) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = RegistryOf(isolate);
  ModuleRegistry::Entry* entry =
      registry == nullptr ? nullptr : registry->Get(registry->IdOf(module));
  if (entry == nullptr) {
    ThrowError(isolate, "islet: an unknown synthetic module");
    return {};
  }
  Local<v8::Array> names = entry->synthetic_names.Get(isolate);
  Local<v8::Function> evaluate = entry->synthetic_evaluate.Get(isolate);
  Local<Value> values;
  if (!evaluate->Call(context, v8::Undefined(isolate), 0, nullptr).ToLocal(&values)) return {};
  if (!values->IsArray()) {
    ThrowError(isolate, "islet: a synthetic module's exports must be an array");
    return {};
  }
  for (uint32_t i = 0; i < names->Length(); ++i) {
    Local<Value> name, value;
    if (!names->Get(context, i).ToLocal(&name) ||
        !values.As<v8::Array>()->Get(context, i).ToLocal(&value) ||
        module->SetSyntheticModuleExport(isolate, name.As<v8::String>(), value).IsNothing()) {
      return {};
    }
  }
  Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver) ||
      resolver->Resolve(context, v8::Undefined(isolate)).IsNothing()) {
    return {};
  }
  return resolver->GetPromise();
}

// binding.moduleSynthetic(url, names, evaluate) -> id: a module whose
// exports are `names`, their values what evaluate() returns when the
// module is evaluated (a builtin's, a CommonJS module's, a JSON file's).
void ModuleSynthetic(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  ModuleRegistry* registry = RegistryOf(isolate);
  if (registry == nullptr || !args[0]->IsString() || !args[1]->IsArray() ||
      !args[2]->IsFunction()) {
    return ThrowError(isolate, "moduleSynthetic(url, names, evaluate)");
  }
  Local<v8::Array> names = args[1].As<v8::Array>();
  std::vector<Local<v8::String>> export_names;
  for (uint32_t i = 0; i < names->Length(); ++i) {
    Local<Value> name;
    if (!names->Get(context, i).ToLocal(&name)) return;
    if (!name->IsString()) return ThrowError(isolate, "moduleSynthetic: a name is not a string");
    export_names.push_back(name.As<v8::String>());
  }
  Local<v8::Module> module = v8::Module::CreateSyntheticModule(isolate, args[0].As<v8::String>(),
                                                               export_names, EvaluateSynthetic);
  uint32_t id = registry->Add(isolate, module, ToUtf8(isolate, args[0]));
  ModuleRegistry::Entry* entry = registry->Get(id);
  entry->synthetic_names.Reset(isolate, names);
  entry->synthetic_evaluate.Reset(isolate, args[2].As<v8::Function>());
  args.GetReturnValue().Set(v8::Integer::NewFromUnsigned(isolate, id));
}

// binding.moduleSetExport(id, name, value): a synthetic module's export
// changed (module.syncBuiltinESMExports).
void ModuleSetExport(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Module> module = entry->module.Get(isolate);
  if (!module->IsSyntheticModule() || !args[1]->IsString()) {
    return ThrowError(isolate, "moduleSetExport(id, name, value) of a synthetic module");
  }
  if (module->SetSyntheticModuleExport(isolate, args[1].As<v8::String>(), args[2]).IsNothing()) {
    return;
  }
}

// binding.moduleLink(id, specifiers, ids): what each request resolved to.
void ModuleLink(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  if (!args[1]->IsArray() || !args[2]->IsArray()) {
    return ThrowError(isolate, "moduleLink(id, specifiers, ids)");
  }
  Local<v8::Array> specifiers = args[1].As<v8::Array>();
  Local<v8::Array> ids = args[2].As<v8::Array>();
  ModuleRegistry* registry = RegistryOf(isolate);
  for (uint32_t i = 0; i < specifiers->Length() && i < ids->Length(); ++i) {
    Local<Value> specifier, target;
    if (!specifiers->Get(context, i).ToLocal(&specifier) ||
        !ids->Get(context, i).ToLocal(&target)) {
      return;
    }
    auto target_id = static_cast<uint32_t>(binding_util::ToId(target));
    if (registry->Get(target_id) == nullptr) {
      return ThrowError(isolate, "moduleLink: no such module");
    }
    entry->links.insert_or_assign(ToUtf8(isolate, specifier), target_id);
  }
}

v8::MaybeLocal<v8::Module> ResolveLinked(Local<v8::Context> context, Local<v8::String> specifier,
                                         Local<v8::FixedArray> /*import_assertions*/,
                                         Local<v8::Module> referrer) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = RegistryOf(isolate);
  ModuleRegistry::Entry* from =
      registry == nullptr ? nullptr : registry->Get(registry->IdOf(referrer));
  if (from != nullptr) {
    auto it = from->links.find(ToUtf8(isolate, specifier));
    if (it != from->links.end()) return registry->Get(it->second)->module.Get(isolate);
  }
  ThrowError(isolate, "islet: '" + ToUtf8(isolate, specifier) + "' was not resolved for " +
                          (from != nullptr ? from->url : std::string("a module")));
  return {};
}

// binding.moduleInstantiate(id): links the graph (throws as V8 does, e.g.
// a SyntaxError for an import of a name a module does not export).
void ModuleInstantiate(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Module> module = entry->module.Get(isolate);
  if (module->InstantiateModule(isolate->GetCurrentContext(), ResolveLinked).IsNothing()) return;
  args.GetReturnValue().Set(true);
}

// binding.moduleEvaluate(id) -> the evaluation's promise.
void ModuleEvaluate(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  Local<Value> result;
  if (entry->module.Get(isolate)->Evaluate(isolate->GetCurrentContext()).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// binding.moduleNamespace(id): its namespace object (instantiated modules).
void ModuleNamespace(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Module> module = entry->module.Get(isolate);
  if (module->GetStatus() < v8::Module::kInstantiated) {
    return ThrowError(isolate, "moduleNamespace: the module is not instantiated");
  }
  args.GetReturnValue().Set(module->GetModuleNamespace());
}

// binding.moduleStatus(id) -> 0 uninstantiated, 1 instantiating,
// 2 instantiated, 3 evaluating, 4 evaluated, 5 errored.
void ModuleStatus(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  args.GetReturnValue().Set(static_cast<int>(entry->module.Get(args.GetIsolate())->GetStatus()));
}

// binding.moduleError(id): the exception of an errored module.
void ModuleError(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  Local<v8::Module> module = entry->module.Get(args.GetIsolate());
  if (module->GetStatus() == v8::Module::kErrored)
    args.GetReturnValue().Set(module->GetException());
}

// binding.moduleIsGraphAsync(id): whether it or a module it imports uses
// top-level await (instantiated modules).
void ModuleIsGraphAsync(const FunctionCallbackInfo<Value>& args) {
  ModuleRegistry::Entry* entry = EntryArg(args, 0);
  if (entry == nullptr) return;
  Local<v8::Module> module = entry->module.Get(args.GetIsolate());
  if (module->GetStatus() < v8::Module::kInstantiated) {
    return ThrowError(args.GetIsolate(), "moduleIsGraphAsync: the module is not instantiated");
  }
  args.GetReturnValue().Set(module->IsGraphAsync());
}

// binding.setModuleHooks(importDynamic, initImportMeta): the loader's
// functions for import() (specifier, referrer name, type assertion, another
// assertion's key and value) -> promise, and for import.meta (meta object, module id).
void SetModuleHooks(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ModuleRegistry* registry = RegistryOf(isolate);
  if (registry == nullptr || !args[0]->IsFunction() || !args[1]->IsFunction()) {
    return ThrowError(isolate, "setModuleHooks(importDynamic, initImportMeta)");
  }
  registry->SetHooks(isolate, args[0].As<v8::Function>(), args[1].As<v8::Function>());
}

v8::MaybeLocal<v8::Promise> ImportDynamically(Local<v8::Context> context,
                                              Local<v8::Data> /*host_defined_options*/,
                                              Local<Value> resource_name,
                                              Local<v8::String> specifier,
                                              Local<v8::FixedArray> import_assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = RegistryOf(isolate);
  Local<v8::Function> hook;
  if (registry != nullptr) hook = registry->import_hook(isolate);
  if (hook.IsEmpty()) {
    Local<v8::Promise::Resolver> resolver;
    if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
    if (resolver
            ->Reject(context, v8::Exception::Error(Str(isolate, "import() is not available here")))
            .IsNothing()) {
      return {};
    }
    return resolver->GetPromise();
  }
  // [key, value, key, value, ...] here (no offsets).
  Local<Value> argv[5] = {specifier, resource_name};
  AssertionFields(context, import_assertions, 2, &argv[2]);
  Local<Value> result;
  if (!hook->Call(context, v8::Undefined(isolate), 5, argv).ToLocal(&result)) return {};
  if (result->IsPromise()) return result.As<v8::Promise>();
  Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver) ||
      resolver->Resolve(context, result).IsNothing()) {
    return {};
  }
  return resolver->GetPromise();
}

void InitializeImportMeta(Local<v8::Context> context, Local<v8::Module> module,
                          Local<v8::Object> meta) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = RegistryOf(isolate);
  if (registry == nullptr) return;
  Local<v8::Function> hook = registry->meta_hook(isolate);
  if (hook.IsEmpty()) return;
  Local<Value> argv[] = {meta, v8::Integer::NewFromUnsigned(isolate, registry->IdOf(module))};
  // An exception (a stack overflow) propagates to the import.meta access.
  v8::Local<Value> ignored;
  if (!hook->Call(context, v8::Undefined(isolate), 2, argv).ToLocal(&ignored)) return;
}

}  // namespace

void ModuleRegistry::InstallIsolateCallbacks(v8::Isolate* isolate) {
  isolate->SetHostImportModuleDynamicallyCallback(ImportDynamically);
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
}

constexpr binding_util::Function kModulesFunctions[] = {
    {"moduleCompile", ModuleCompile},
    {"moduleSynthetic", ModuleSynthetic},
    {"moduleLink", ModuleLink},
    {"moduleSetExport", ModuleSetExport},
    {"moduleInstantiate", ModuleInstantiate},
    {"moduleEvaluate", ModuleEvaluate},
    {"moduleNamespace", ModuleNamespace},
    {"moduleStatus", ModuleStatus},
    {"moduleError", ModuleError},
    {"moduleIsGraphAsync", ModuleIsGraphAsync},
    {"setModuleHooks", SetModuleHooks},
};
const NativeModule kModulesModule = {"modules", kModulesFunctions};

}  // namespace islet::runtime
