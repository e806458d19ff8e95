#include "runtime/worker/warm_pool.h"

#include "runtime/base/log.h"
#include "runtime/base/mutex.h"
#include "runtime/engine/engine.h"
#include "runtime/worker/bindings.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/hooks.h"
#include "runtime/worker/isolate_slots.h"
#include "runtime/worker/native_modules.h"
#include "runtime/worker/port_bindings.h"
#include "runtime/worker/snapshot.h"

namespace islet::runtime {

namespace {

bool SameLimits(const ResourceLimits& a, const ResourceLimits& b) {
  return a.max_old_generation_mb == b.max_old_generation_mb &&
         a.max_young_generation_mb == b.max_young_generation_mb &&
         a.code_range_mb == b.code_range_mb;
}

}  // namespace

Result<std::unique_ptr<PreparedIsolate>> PrepareIsolate(Engine* engine,
                                                        const ResourceLimits& limits,
                                                        std::shared_ptr<ExternalBudget> budget,
                                                        PrepareOptions options) {
  auto prepared = std::make_unique<PreparedIsolate>();
  prepared->allocator = std::make_shared<CountingAllocator>(std::move(budget));
  v8::Isolate::CreateParams params;
  const EnvironmentSnapshot* snapshot =
      options.snapshot ? EnvironmentSnapshot::Get(engine) : nullptr;
  if (snapshot != nullptr) {
    params.snapshot_blob = snapshot->blob();
    params.external_references = ExternalReferences();
  }
  params.array_buffer_allocator_shared = prepared->allocator;
  constexpr double kMb = 1024.0 * 1024.0;
  if (limits.max_old_generation_mb > 0) {
    params.constraints.set_max_old_generation_size_in_bytes(
        static_cast<size_t>(limits.max_old_generation_mb * kMb));
  }
  if (limits.max_young_generation_mb > 0) {
    params.constraints.set_max_young_generation_size_in_bytes(
        static_cast<size_t>(limits.max_young_generation_mb * kMb));
  }
  if (limits.code_range_mb > 0) {
    params.constraints.set_code_range_size_in_bytes(
        static_cast<size_t>(limits.code_range_mb * kMb));
  }
  v8::Isolate* isolate = v8::Isolate::New(params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  prepared->isolate = isolate;
  prepared->compile_log = std::make_unique<CompileLog>();
  isolate->SetData(kCompileLogSlot, prepared->compile_log.get());
  bool ok;
  std::string error;
  {
    v8::Locker locker(isolate);
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    // From the snapshot, the default context is the environment, bootstrap
    // run; without one, it is a bare context to run the bootstrap in.
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::FunctionTemplate> port_template;
    v8::Local<v8::Object> hooks;
    if (snapshot != nullptr) {
      ok = isolate
               ->GetDataFromSnapshotOnce<v8::FunctionTemplate>(
                   EnvironmentSnapshot::kPortTemplateIndex)
               .ToLocal(&port_template) &&
           context->GetDataFromSnapshotOnce<v8::Object>(EnvironmentSnapshot::kHooksIndex)
               .ToLocal(&hooks);
      if (!ok) error = "the environment snapshot lacks its hooks or MessagePort template";
    } else {
      port_template = NewPortTemplate(isolate);
      ok = RunBootstrap(context, port_template).ToLocal(&hooks);
    }
    if (ok) {
      if (auto checked = Hooks::Check(context, hooks); !checked) {
        error = checked.error().message;
        ok = false;
      }
    }
    if (ok && options.compact && snapshot == nullptr) {
      // Bootstrap leaves garbage behind (maps, young objects, code): a
      // memory-reducing GC compacts the heap and gives the pages back.
      isolate->MemoryPressureNotification(v8::MemoryPressureLevel::kCritical);
    }
    if (ok) {
      prepared->context.Reset(isolate, context);
      prepared->hooks.Reset(isolate, hooks);
      prepared->port_template.Reset(isolate, port_template);
      prepared->from_snapshot = snapshot != nullptr;
    } else if (!error.empty()) {
      // Hooks::Check said what is missing.
    } else if (try_catch.HasCaught()) {
      error = "the bootstrap threw: " + DescribeException(isolate, try_catch);
    } else {
      error = "the bootstrap failed without an exception";
    }
  }
  if (!ok) {
    DisposePrepared(engine, std::move(prepared));
    return MakeError(ErrorCode::kInternal, std::move(error));
  }
  return prepared;
}

void DisposePrepared(Engine* engine, std::unique_ptr<PreparedIsolate> prepared) {
  if (!prepared || prepared->isolate == nullptr) return;
  v8::Isolate* isolate = prepared->isolate;
  {
    v8::Locker locker(isolate);
    prepared->hooks.Reset();
    prepared->context.Reset();
    prepared->port_template.Reset();
    isolate->SetData(kCompileLogSlot, nullptr);
    prepared->compile_log.reset();
    engine->platform()->DetachIsolate(isolate);
  }
  isolate->Dispose();
}

WarmPool::WarmPool(Engine* engine, size_t target, ResourceLimits limits,
                   std::shared_ptr<ExternalBudget> budget, std::function<PrepareOptions()> options)
    : engine_(engine),
      target_(target),
      limits_(limits),
      options_(std::move(options)),
      budget_(std::move(budget)) {
  if (target_ == 0) return;
  size_t threads = std::thread::hardware_concurrency() >= 2 && target_ >= 2 ? 2 : 1;
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

WarmPool::~WarmPool() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  cv_.NotifyAll();
  for (auto& t : threads_) t.join();
  for (auto& prepared : ready_) DisposePrepared(engine_, std::move(prepared));
}

std::unique_ptr<PreparedIsolate> WarmPool::Take(const ResourceLimits& limits) {
  if (!SameLimits(limits, limits_)) return nullptr;
  std::unique_ptr<PreparedIsolate> prepared;
  {
    MutexLock lock(mu_);
    if (ready_.empty()) return nullptr;
    prepared = std::move(ready_.front());
    ready_.pop_front();
  }
  cv_.NotifyOne();  // refill
  return prepared;
}

size_t WarmPool::preparing() const {
  MutexLock lock(mu_);
  return preparing_;
}

size_t WarmPool::ready() const {
  MutexLock lock(mu_);
  return ready_.size();
}

void WarmPool::Loop() {
  MutexLock lock(mu_);
  while (!stopping_) {
    if (ready_.size() + preparing_ >= target_) {
      cv_.Wait(mu_);
      continue;
    }
    ++preparing_;
    lock.Unlock();
    auto prepared =
        PrepareIsolate(engine_, limits_, budget_, options_ ? options_() : PrepareOptions{});
    lock.Lock();
    --preparing_;
    if (!prepared) {
      Logger("isolate")->error("warm pool: preparing an isolate failed: {}",
                               prepared.error().message);
      cv_.WaitFor(mu_, std::chrono::seconds(1));  // do not spin on a broken bootstrap
      continue;
    }
    ready_.push_back(*std::move(prepared));
  }
}

}  // namespace islet::runtime
