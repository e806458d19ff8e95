#include "runtime/worker/worker.h"

#include <pthread.h>
#include <time.h>

#include "runtime/base/log.h"
#include "runtime/base/mutex.h"
#include "runtime/engine/engine.h"
#include "runtime/worker/array_buffer_allocator.h"
#include "runtime/worker/bindings.h"
#include "runtime/worker/code_cache.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/isolate_slots.h"
#include "runtime/worker/serializer.h"
#include "runtime/worker/warm_pool.h"

namespace islet::runtime {

namespace {

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Events handled per turn before the actor yields its thread.
constexpr size_t kTurnBudget = 64;

// How far past its heap limit a worker being ended for out-of-memory may go.
constexpr size_t kOutOfMemoryHeadroom = size_t{4} << 30;

uint64_t ClockNs(clockid_t clock) {
  timespec ts;
  if (clock_gettime(clock, &ts) != 0) return 0;
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

uint64_t ThreadCpuNs() { return ClockNs(CLOCK_THREAD_CPUTIME_ID); }

// This thread's CPU clock as the last worker turn on it ended; valid only
// if that turn ended normally (an early return leaves it invalid).
struct TurnEndClock {
  uint64_t cpu_ns = 0;
  bool valid = false;
};
thread_local TurnEndClock turn_end_clock;

}  // namespace

Worker::Worker(Engine* engine, Executor* executor, Bus* bus, WorkerConfig config, WorkerHost* host)
    : Actor(executor, /*mailbox_capacity=*/SIZE_MAX),
      engine_(engine),
      bus_(bus),
      config_(std::move(config)),
      host_(host),
      queue_account_(std::make_shared<QueueAccount>(host->external_budget())),
      start_time_(std::chrono::steady_clock::now()),
      limits_(config_.islet_limits, start_time_),
      init_(config_.init),
      starting_(host->starting_counter()) {
  if (starting_) starting_->fetch_add(1, std::memory_order_relaxed);
}

void Worker::DoneStarting() {
  if (starting_ && !started_counted_.exchange(true)) {
    starting_->fetch_sub(1, std::memory_order_relaxed);
  }
}

Worker::~Worker() {
  DoneStarting();  // ended before its first turn
  // Normally the last turn disposed the isolate. It is still here when the
  // executor stopped before that turn (a shutdown that timed out while
  // another worker held the only thread): the handles into it go first,
  // then the isolate.
  MutexLock lock(isolate_mu_);
  if (isolate_ == nullptr) return;
  {
    v8::Locker locker(isolate_);
    v8::Isolate::Scope isolate_scope(isolate_);
    if (compile_log_) {
      isolate_->SetData(kCompileLogSlot, nullptr);
      compile_log_.reset();
    }
    TeardownInIsolate();
  }
  isolate_->Dispose();
  isolate_ = nullptr;
}

void Worker::Start() {
  PostUrgent([] {});
}

namespace {

uint64_t ExternalLimitBytes(const WorkerLimits& limits) {
  return static_cast<uint64_t>(limits.max_external_mb * 1024 * 1024);
}

}  // namespace

bool Worker::SetLimits(const WorkerLimits& limits) {
  bool watched = limits_.Set(limits);
  queue_limit_->store(static_cast<size_t>(limits.max_port_queue), std::memory_order_relaxed);
  {
    MutexLock lock(isolate_mu_);
    if (allocator_) allocator_->set_limit(ExternalLimitBytes(limits));
  }
  return watched;
}

WorkerLimits Worker::limits() const { return limits_.limits(); }

bool Worker::HasLimits() const { return limits_.HasWatchedLimits(); }

bool Worker::CheckLimits(std::chrono::steady_clock::time_point now) {
  if (state() == WorkerState::kExited || lifecycle_.terminate_requested()) return false;
  if (auto breach = limits_.Check(now)) {
    TerminateFor(*std::move(breach));
    return false;
  }
  return HasLimits();
}

void Worker::TerminateFor(LimitEnforcer::Breach breach) {
  Logger("watchdog")->warn("worker {}: {}", config_.id, breach.message);
  limits_.RecordCause(std::move(breach));
  Terminate();
}

void Worker::Terminate() {
  if (!lifecycle_.RequestTerminate()) return;
  {
    MutexLock lock(isolate_mu_);
    if (isolate_ != nullptr && lifecycle_.in_turn()) isolate_->TerminateExecution();
    if (wait_handle_ != nullptr) wait_handle_->Wake();
  }
  PostUrgent([] {});
}

Worker::Stats Worker::stats() const {
  // The turn in progress counts too: a worker computing in one long turn
  // has used CPU before the turn ends and adds it to cpu_ns_.
  TurnSoFar turn = TurnInProgress();
  double turn_ms = double(turn.wall_ns) / 1e6;
  uint64_t turn_cpu_ns = turn.cpu_ns;
  return Stats{heap_used_.load(),
               heap_limit_.load(),
               external_.load(),
               queue_account_->bytes(),
               static_cast<double>(limits_.FinishedTurnsCpuNs() + turn_cpu_ns) / 1e9,
               messages_in_.load(std::memory_order_relaxed),
               messages_out_.load(std::memory_order_relaxed),
               turn_ms,
               double(turn_cpu_ns) / 1e6};
}

double Worker::UptimeSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time_).count();
}

int64_t Worker::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start_time_)
      .count();
}

Result<void> Worker::CreateIsolate() {
  std::unique_ptr<PreparedIsolate> prepared;
  if (WarmPool* pool = host_->warm_pool()) prepared = pool->Take(config_.limits);
  if (!prepared) {
    auto made =
        PrepareIsolate(engine_, config_.limits, host_->external_budget(), host_->prepare_options());
    if (!made)
      return MakeError(made.error().code, "could not prepare an isolate: " + made.error().message);
    prepared = *std::move(made);
  }
  v8::Isolate* isolate = prepared->isolate;
  {
    // The hooks the turn loop calls, and bootstrap's tickInfo ([0] is 1
    // while process.nextTick callbacks wait).
    v8::Locker locker(isolate);
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = prepared->context.Get(isolate);
    v8::Local<v8::Object> hooks = prepared->hooks.Get(isolate);
    v8::Local<v8::Value> info;
    bool ok =
        hooks_.Bind(context, hooks) &&
        hooks->Get(context, v8::String::NewFromUtf8Literal(isolate, "tickInfo")).ToLocal(&info) &&
        info->IsInt32Array();
    if (ok) {
      auto array = info.As<v8::Int32Array>();
      tick_info_holder_.Reset(isolate, array);
      tick_info_ = reinterpret_cast<int32_t*>(
          static_cast<char*>(array->Buffer()->GetBackingStore()->Data()) + array->ByteOffset());
    } else {
      hooks_.Reset();
    }
    prepared->hooks.Reset();
  }
  if (tick_info_ == nullptr) {
    DisposePrepared(engine_, std::move(prepared));
    return MakeError(ErrorCode::kInternal, "bootstrap.js's hooks are incomplete (no tickInfo)");
  }
  // From here on the isolate's foreground tasks go to this actor's mailbox.
  engine_->platform()->AttachIsolate(isolate, weak_from_this());
  isolate->SetData(kWorkerSlot, this);
  // Running out of heap ends this worker, never the daemon.
  isolate->AddNearHeapLimitCallback(&Worker::OnNearHeapLimit, this);
  isolate->SetPromiseRejectCallback(&Worker::OnPromiseReject);
  isolate->SetAtomicsWaitCallback(&Worker::OnAtomicsWait, this);
  ModuleRegistry::InstallIsolateCallbacks(isolate);
  context_ = std::move(prepared->context);
  port_template_ = std::move(prepared->port_template);
  compile_log_ = std::move(prepared->compile_log);
  MutexLock lock(isolate_mu_);
  isolate_ = isolate;
  allocator_ = std::move(prepared->allocator);
  allocator_->set_limit(ExternalLimitBytes(limits()));
  return {};
}

namespace {

// The lowest address of the calling thread's stack.
uintptr_t ThreadStackLow() {
  thread_local uintptr_t low = [] {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    return reinterpret_cast<uintptr_t>(addr);
  }();
  return low;
}

}  // namespace

void Worker::ApplyStackLimit() {
  // As Node: a worker's stack is resourceLimits.stackSizeMb (4 MB unless
  // given), of which JS may use all but 192 KB, kept for native frames; the
  // main thread keeps V8's default (about 1 MB). Workers move between
  // executor threads, so the limit is set at each turn, measured down from
  // here, and never closer than 192 KB to the end of this thread's stack.
  if (config_.is_main_thread) return;
  constexpr uintptr_t kNativeReserve = 192 * 1024;
  constexpr uintptr_t kMinJsStack = 64 * 1024;
  const double mb = config_.limits.stack_mb > 0 ? config_.limits.stack_mb : 4;
  auto size = static_cast<uintptr_t>(mb * 1024 * 1024);
  uintptr_t js = size > kNativeReserve + kMinJsStack ? size - kNativeReserve : kMinJsStack;
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  uintptr_t limit = here > js ? here - js : 0;
  const uintptr_t low = ThreadStackLow();
  if (low != 0 && limit < low + kNativeReserve) limit = low + kNativeReserve;
  if (limit != 0 && limit < here) isolate_->SetStackLimit(limit);
}

bool Worker::RunTurn() {
  if (finishing()) return false;
  // A turn that follows the previous one on this thread starts at the CPU
  // time that turn ended at: one thread-clock system call per turn, not two
  // (each costs ~0.5 us on some VMs; a ping-pong hop is a few us).
  uint64_t cpu_start = Executor::TurnFollowsPrevious() && turn_end_clock.valid
                           ? turn_end_clock.cpu_ns
                           : ThreadCpuNs();
  // Wall and CPU time of the turn start at the same point, before an
  // isolate is created for a first turn: inspect's turn time is never less
  // than the CPU that made the turn long.
  const int64_t wall_start = SteadyNs();
  turn_end_clock.valid = false;
  if (isolate_ == nullptr) {
    auto created = CreateIsolate();
    DoneStarting();
    if (!created) {
      Logger("isolate")->error("worker {}: {}", config_.id, created.error().message);
      Finish(ExitInfo{1, ExitReason::kStartupFailed, created.error().message, ""});
      lifecycle_.MarkExited();
      host_->OnExit(config_.id, lifecycle_.exit());
      return false;
    }
  }
  bool more = false;
  lifecycle_.EnterTurn();
  clockid_t clock;
  if (pthread_getcpuclockid(pthread_self(), &clock) == 0) {
    limits_.BeginTurn(clock, cpu_start, wall_start);
  }
  {
    v8::Locker locker(isolate_);
    v8::Isolate::Scope isolate_scope(isolate_);
    ApplyStackLimit();
    v8::HandleScope handle_scope(isolate_);
    v8::Local<v8::Context> context = context_.Get(isolate_);
    {
      v8::Context::Scope context_scope(context);
      more = Turn(context);
      if (compile_log_ && lifecycle_.started()) {
        // The first turn ran the start-up code: share its compiled code with
        // the isolates to come (CodeCache), unless it was cut short.
        if (!lifecycle_.out_of_memory() && !lifecycle_.terminate_requested()) {
          compile_log_->Flush();
        }
        isolate_->SetData(kCompileLogSlot, nullptr);
        compile_log_.reset();
      }
      // GetHeapStatistics walks every space and handle list, ~7% of a
      // ping-pong hop: read it at most once per millisecond of loop time. A
      // turn that skipped it and leaves the worker idle asks for a wake 1 ms
      // later (RequestHeapRefresh), so inspect is never more than that
      // behind. A finishing worker's figure is always fresh (disposal reads it).
      if (finishing() || heap_limit_.load() == 0 || loop_now_ms_ != heap_stats_ms_) {
        heap_stats_ms_ = loop_now_ms_;
        heap_stale_ = false;
        v8::HeapStatistics heap;
        isolate_->GetHeapStatistics(&heap);
        heap_used_ = heap.used_heap_size();
        heap_limit_ = heap.heap_size_limit();
      } else {
        heap_stale_ = true;
      }
      external_ = OwnerAllocator().used();
    }
    if (finishing()) {
      if (compile_log_) {
        isolate_->SetData(kCompileLogSlot, nullptr);
        compile_log_.reset();  // its handles go before the isolate does
      }
      TeardownInIsolate();
    }
  }
  uint64_t cpu_end = ThreadCpuNs();
  limits_.EndTurn(cpu_end);
  lifecycle_.EndTurn(more);
  turn_end_clock = TurnEndClock{cpu_end, true};
  StartPendingChildren();
  if (!finishing()) {
    if (!more && heap_stale_) RequestHeapRefresh();
    return more;
  }
  {
    MutexLock lock(isolate_mu_);
    constexpr uint64_t kLarge = 32u << 20;
    engine_->DisposeLater(isolate_, lifecycle_.out_of_memory() || heap_used_.load() > kLarge ||
                                        allocator_->peak() > kLarge);
    isolate_ = nullptr;
  }
  lifecycle_.MarkExited();
  const ExitInfo& exit = lifecycle_.exit();
  Logger("isolate")->debug("worker {} exited: {} code {}", config_.id, ExitReasonName(exit.reason),
                           exit.exit_code);
  host_->OnExit(config_.id, exit);
  return false;
}

bool Worker::Turn(v8::Local<v8::Context> context) {
  if (lifecycle_.terminate_requested()) {
    // A Node worker terminated before it ran any JS exits with code 0.
    Finish(TerminatedExit(lifecycle_.started() || config_.is_main_thread ? 1 : 0));
    return false;
  }
  const bool first = lifecycle_.Begin();
  loop_now_ms_ = NowMs();
  if (first) {
    {
      v8::TryCatch try_catch(isolate_);
      if (CallHook(context, Hook::kInitWorker).IsEmpty()) {
        HandleException(context, try_catch);
        Finish(ExitInfo{1, ExitReason::kStartupFailed, "initWorker failed", ""});
        return false;
      }
    }
    if (auto parent = config_.parent.lock()) parent->NotifyChildOnline(config_.thread_id);
    RunCallback(context, [&] { return CallHook(context, Hook::kRunMain); });
  } else {
    RunDueTimers(context);
    std::deque<Task> batch;
    mailbox().TakeBatch(kTurnBudget, &batch);
    for (auto& task : batch) {
      if (finishing()) break;
      RunCallback(context, [&] {
        task();
        return v8::MaybeLocal<v8::Value>(v8::Undefined(isolate_));
      });
    }
    if (!finishing() && immediate_count_ > 0) {
      RunCallback(context, [&] { return CallHook(context, Hook::kRunImmediates); });
    }
  }
  if (!finishing() && lifecycle_.terminate_requested()) Finish(TerminatedExit(1));
  if (finishing()) return false;
  if (!mailbox().empty() || immediate_count_ > 0) return true;
  if (!timer_order_.empty() && timer_order_.begin()->first.first <= NowMs()) return true;
  if (!IsAlive()) {
    RunCallback(context, [&] { return CallHook(context, Hook::kBeforeExit); });
    if (finishing()) return false;
    if (!mailbox().empty() || immediate_count_ > 0) return true;
    if (!IsAlive()) {
      v8::Local<v8::Value> code;
      v8::TryCatch try_catch(isolate_);
      if (CallHook(context, Hook::kEmitExit).ToLocal(&code)) {
        Finish(ExitInfo{code->Int32Value(context).FromMaybe(0), ExitReason::kExited, "", ""});
      } else if (!finishing()) {
        HandleException(context, try_catch);
        Finish(ExitInfo{lifecycle_.exit_code(), ExitReason::kExited, "", ""});
      }
      return false;
    }
  }
  ScheduleTimerWake();
  return false;
}

void Worker::AfterCallback(v8::Local<v8::Context> context) {
  for (int rounds = 0; rounds < 1000 && !finishing(); ++rounds) {
    // No nextTick queued: run the microtasks from here, skipping a call into
    // JS (the common case after a message or timer).
    if (tick_info_ != nullptr && tick_info_[0] == 0) {
      isolate_->PerformMicrotaskCheckpoint();
      // process.exit() or a terminate from inside a microtask.
      if (auto exit = lifecycle_.RequestedExit()) {
        Finish(*std::move(exit));
        return;
      }
      if (lifecycle_.terminate_requested()) {
        if (!finishing()) Finish(TerminatedExit(1));
        return;
      }
      if (tick_info_[0] == 0) {
        if (rejections_.empty()) return;
        ProcessRejections(context);
        continue;
      }
    }
    {
      v8::TryCatch try_catch(isolate_);
      if (CallHook(context, Hook::kRunTicks).IsEmpty()) {
        HandleException(context, try_catch);
        continue;  // the tick queue may hold more after an uncaught error
      }
    }
    if (rejections_.empty()) return;
    ProcessRejections(context);
  }
}

v8::MaybeLocal<v8::Value> Worker::CallHook(v8::Local<v8::Context> context, Hook hook, int argc,
                                           v8::Local<v8::Value>* argv) {
  ISLET_DCHECK(InTurnHere());
  return hooks_.Call(context, hook, argc, argv);
}

void Worker::HandleException(v8::Local<v8::Context> context, v8::TryCatch& try_catch) {
  if (finishing()) return;
  if (lifecycle_.out_of_memory()) {
    static constexpr char kMessage[] =
        "Worker terminated due to reaching memory limit: JS heap out of memory";
    if (config_.is_main_thread) {
      Write(Stream::kStderr, std::string("Error [ERR_WORKER_OUT_OF_MEMORY]: ") + kMessage + "\n");
    } else if (auto parent = config_.parent.lock()) {
      parent->NotifyChildFailure(config_.thread_id, "ERR_WORKER_OUT_OF_MEMORY", kMessage);
    }
    Finish(ExitInfo{1, ExitReason::kOutOfMemory,
                    std::string("ERR_WORKER_OUT_OF_MEMORY: ") + kMessage, ""});
    return;
  }
  if (auto exit = lifecycle_.RequestedExit()) {
    Finish(*std::move(exit));
    return;
  }
  if (lifecycle_.terminate_requested() || try_catch.HasTerminated()) {
    Finish(TerminatedExit(1));
    return;
  }
  if (!try_catch.HasCaught()) return;
  HandleUncaught(context, try_catch.Exception(), try_catch.Message());
}

void Worker::HandleUncaught(v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                            v8::Local<v8::Message> message) {
  ISLET_DCHECK(InTurnHere());
  if (finishing()) return;
  v8::TryCatch inner(isolate_);
  v8::Local<v8::Value> args[] = {error};
  v8::Local<v8::Value> handled;
  if (CallHook(context, Hook::kHandleUncaught, 1, args).ToLocal(&handled)) {
    if (handled->IsTrue()) return;
    Fatal(context, error, message);
    return;
  }
  if (finishing()) return;
  if (lifecycle_.exit_requested() || inner.HasTerminated()) {
    HandleException(context, inner);
    return;
  }
  // The uncaughtException handler itself threw: Node exits with code 7,
  // without running 'exit' listeners.
  Fatal(context, inner.HasCaught() ? inner.Exception() : error,
        inner.HasCaught() ? inner.Message() : message, 7);
}

void Worker::Fatal(v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                   v8::Local<v8::Message> message, int exit_code) {
  if (finishing()) return;
  FatalReport report = ReportFatal(this, context, error, message);
  // A child worker's uncaught error becomes its parent's 'error' event; the
  // job's root prints it, as Node's main thread does.
  if (config_.is_main_thread) {
    Write(Stream::kStderr, report.text);
  } else {
    ReportErrorToParent(context, error, report.header);
  }
  // Node runs 'exit' listeners with code 1 after an uncaught error (not
  // after a failed uncaughtException listener, code 7).
  if (exit_code == 1) {
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::Value> args[] = {v8::Integer::New(isolate_, 1)};
    CallHook(context, Hook::kEmitExit, 1, args);
  }
  if (finishing()) return;  // an exit listener called process.exit()
  Finish(ExitInfo{exit_code, ExitReason::kError, report.message, report.stack});
}

void Worker::ProcessRejections(v8::Local<v8::Context> context) {
  std::vector<Rejection> pending;
  pending.swap(rejections_);
  for (auto& r : pending) {
    if (finishing()) return;
    v8::Local<v8::Promise> promise = r.promise.Get(isolate_);
    if (promise->HasHandler()) continue;
    v8::Local<v8::Value> reason = r.reason.Get(isolate_);
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::Value> args[] = {reason, promise};
    v8::Local<v8::Value> fatal;
    if (!CallHook(context, Hook::kUnhandledRejection, 2, args).ToLocal(&fatal)) {
      HandleException(context, try_catch);
      continue;
    }
    if (!fatal->IsUndefined()) {
      Fatal(context, fatal, v8::Exception::CreateMessage(isolate_, fatal));
    }
  }
}

void Worker::OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate* isolate = promise->GetIsolate();
  auto* self = WorkerOf(isolate);
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler: {
      v8::Local<v8::Value> value = message.GetValue();
      if (value.IsEmpty()) value = v8::Undefined(isolate);
      self->rejections_.push_back(Rejection{v8::Global<v8::Promise>(isolate, promise),
                                            v8::Global<v8::Value>(isolate, value)});
      break;
    }
    case v8::kPromiseHandlerAddedAfterReject:
      std::erase_if(self->rejections_,
                    [&](const Rejection& r) { return r.promise.Get(isolate) == promise; });
      break;
    default:
      break;
  }
}

size_t Worker::OnNearHeapLimit(void* data, size_t current_limit, size_t initial_limit) {
  auto* self = static_cast<Worker*>(data);
  if (self->lifecycle_.MarkOutOfMemory()) {
    Logger("isolate")->warn("worker {} reached its heap limit ({} MB); terminating it",
                            self->config_.id, current_limit >> 20);
    self->isolate_->TerminateExecution();
  }
  // Room to unwind to the turn loop, which then disposes the whole isolate.
  // It must cover a single allocation far past the limit (one `new
  // Array(1e8).fill(0)` wants 800 MB at once): V8 aborts the process when an
  // allocation still fails after this callback. The headroom is address
  // space, only touched if the dying worker really allocates it.
  return current_limit + kOutOfMemoryHeadroom;
}

void Worker::OnAtomicsWait(v8::Isolate::AtomicsWaitEvent event, v8::Local<v8::SharedArrayBuffer>,
                           size_t, int64_t, double, v8::Isolate::AtomicsWaitWakeHandle* handle,
                           void* data) {
  auto* self = static_cast<Worker*>(data);
  if (event == v8::Isolate::AtomicsWaitEvent::kStartWait) {
    self->StartPendingChildren();
    {
      MutexLock lock(self->isolate_mu_);
      self->wait_handle_ = handle;
    }
    if (self->lifecycle_.terminate_requested()) handle->Wake();
    self->lifecycle_.BeginWait();
    self->executor()->BeginBlocking();
    return;
  }
  // Every other event ends the wait kStartWait began, kNotEqual included
  // (V8 reports the comparison after kStartWait): the wake handle lives on
  // V8's stack only until now.
  self->executor()->EndBlocking();
  self->lifecycle_.EndWait();
  MutexLock lock(self->isolate_mu_);
  self->wait_handle_ = nullptr;
}

void Worker::RequestExit(int code) {
  ISLET_DCHECK(InTurnHere());
  lifecycle_.RequestExit(code);
  isolate_->TerminateExecution();
}

bool Worker::IsAlive() const {
  return handle_refs_ > 0 || refed_timers_ > 0 || immediate_refs_ > 0;
}

ExitInfo Worker::TerminatedExit(int code) {
  auto [reason, message] = limits_.Cause();
  if (reason != ExitReason::kTerminated) {
    // A limit ended it: say so where an error would go.
    if (config_.is_main_thread) {
      Write(Stream::kStderr, message + "\n");
    } else if (auto parent = config_.parent.lock()) {
      parent->NotifyChildFailure(
          config_.thread_id,
          reason == ExitReason::kDeadline ? "ERR_ISLET_DEADLINE" : "ERR_ISLET_CPU_LIMIT", message);
    }
    code = 1;
  }
  return ExitInfo{code, reason, message, ""};
}

void Worker::Finish(ExitInfo exit) { lifecycle_.Finish(std::move(exit)); }

void Worker::TeardownInIsolate() {
  bus_->CloseAllOwnedBy(this);
  ports_.Clear();
  children_.ForgetPorts();
  port_template_.Reset();
  untransferable_key_.Reset();
  shapes_.Clear();
  tick_info_ = nullptr;
  tick_info_holder_.Reset();
  init_.reset();
  // Queued work may hold V8 tasks: destroy it while the isolate lives.
  auto dropped = mailbox().Close();
  dropped.clear();
  engine_->platform()->DetachIsolate(isolate_);
  rejections_.clear();
  modules_.reset();
  hooks_.Reset();
  context_.Reset();
  timer_order_.clear();
  timers_.clear();
}

}  // namespace islet::runtime
