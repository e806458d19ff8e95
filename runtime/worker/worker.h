#pragma once

#include <v8.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/bus/bus.h"
#include "runtime/limits/limit_enforcer.h"
#include "runtime/limits/watchdog.h"
#include "runtime/runtime.h"
#include "runtime/scheduler/executor.h"
#include "runtime/worker/children.h"
#include "runtime/worker/env_store.h"
#include "runtime/worker/fast_clone.h"
#include "runtime/worker/hooks.h"
#include "runtime/worker/lifecycle.h"
#include "runtime/worker/module_bindings.h"
#include "runtime/worker/port_table.h"
#include "runtime/worker/worker_host.h"

namespace islet::runtime {

class CompileLog;
class CountingAllocator;
class Engine;
class ExternalBudget;
class SegmentRegistry;
class WarmPool;
class Worker;

// One worker: an isolate with one context running a script, as an actor.
// Its isolate is created on its first turn and disposed on its last; between
// turns it holds no thread. Start/Terminate/state/stats are thread-safe;
// everything else runs on the executor thread holding the actor.
class Worker final : public Actor, public PortOwner, public Watched {
 public:
  Worker(Engine* engine, Executor* executor, Bus* bus, WorkerConfig config, WorkerHost* host);
  ~Worker() override;

  const WorkerConfig& config() const { return config_; }

  void Start();
  // Ends the worker as soon as possible, even inside a loop or Atomics.wait.
  void Terminate();

  // islet limits (thread-safe). True if any limit is set (needs watching).
  bool SetLimits(const WorkerLimits& limits);
  WorkerLimits limits() const;
  bool HasLimits() const;
  // Watched (watchdog thread).
  bool CheckLimits(std::chrono::steady_clock::time_point now) override;

  WorkerState state() const { return lifecycle_.state(); }
  struct Stats {
    uint64_t heap_used = 0;
    uint64_t heap_limit = 0;
    uint64_t external = 0;
    uint64_t queued_bytes = 0;  // posted by this worker, not yet read by anyone
    double cpu_seconds = 0;
    uint64_t messages_in = 0;
    uint64_t messages_out = 0;
    double turn_ms = 0;      // the turn in progress so far (wall clock); 0 between turns
    double turn_cpu_ms = 0;  // and the CPU it has used
  };
  Stats stats() const;
  // The turn in progress so far: wall clock and its thread's CPU; zeros
  // between turns. Any thread.
  using TurnSoFar = LimitEnforcer::TurnSoFar;
  TurnSoFar TurnInProgress() const { return limits_.TurnInProgress(); }

  // --- For bindings (executor thread, isolate locked) ---
  void Write(Stream stream, std::string_view data) { host_->OnOutput(config_.id, stream, data); }
  void RequestExit(int code);
  void TimerStart(uint32_t id, int64_t delay_ms, bool ref);
  void TimerStop(uint32_t id);
  void TimerRef(uint32_t id, bool ref);
  void SetImmediateState(int count, int refs) {
    immediate_count_ = count;
    immediate_refs_ = refs;
  }
  double UptimeSeconds() const;
  v8::Isolate* isolate() const { return isolate_; }
  Bus* bus() const { return bus_; }
  WorkerHost* host() const { return host_; }
  void RefHandle(int delta) { handle_refs_ += delta; }
  void CountMessageOut() { messages_out_.fetch_add(1, std::memory_order_relaxed); }

  // Ports (executor thread, isolate locked):
  v8::Local<v8::FunctionTemplate> PortTemplate();
  // A new MessagePort object (its JS side is set up by bootstrap's makePort).
  v8::MaybeLocal<v8::Object> NewPortObject(v8::Local<v8::Context> context, PortId id);
  bool constructing_port() const { return constructing_port_; }
  // The worker is ending (process.exit, a fatal error, terminate).
  bool finishing() const { return lifecycle_.finishing(); }
  // The port id of a MessagePort object, 0 for anything else.
  PortId PortIdOf(v8::Local<v8::Object> object);
  // Takes ownership of a transferred port and returns its JS object.
  v8::MaybeLocal<v8::Object> AdoptPort(v8::Local<v8::Context> context, PortId id);
  // The JS object for `id` left this worker inside a message.
  void ForgetPort(PortId id);
  void StartPort(PortId id);
  // Its last 'message' listener went: messages wait in the port's queue until
  // it starts again, as in Node.
  void StopPort(PortId id);
  // receiveMessageOnPort inside a listener: the next message of the batch
  // DrainPort is delivering for `id`, if any.
  bool TakeInflight(PortId id, Message* out);
  void ThrowDataCloneError(v8::Local<v8::String> message);
  // An error nothing caught (`message` says where): process 'uncaughtException'
  // listeners, else fatal. Also for errors thrown in queueMicrotask callbacks,
  // which V8 would otherwise drop.
  void HandleUncaught(v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                      v8::Local<v8::Message> message);
  void MarkUntransferable(v8::Local<v8::Object> object);
  bool IsUntransferable(v8::Local<v8::Object> object);
  // Object shapes this isolate received lately (fast_clone).
  fast_clone::ShapeCache* shapes() { return &shapes_; }
  // This worker's ES modules (made on first use).
  ModuleRegistry& modules() {
    if (!modules_) modules_ = std::make_unique<ModuleRegistry>();
    return *modules_;
  }
  // The bootstrap's hooks (hooks.h).
  using Hook = Hooks::Hook;
  // Calls a bootstrap hook; exceptions propagate to the caller's TryCatch.
  v8::MaybeLocal<v8::Value> CallHook(v8::Local<v8::Context> context, Hook hook, int argc = 0,
                                     v8::Local<v8::Value>* argv = nullptr);
  // The serialized [workerData, environmentData] a child starts with.
  std::shared_ptr<Message> TakeInit() { return std::move(init_); }
  // Starts `child` once this turn is over (executor thread), or sooner if
  // this turn waits for it (StartPendingChildren).
  void StartAfterTurn(std::shared_ptr<Worker> child) {
    ISLET_DCHECK(InTurnHere());
    children_.StartAfterTurn(std::move(child));
  }
  // Starts at once the children made in this turn: the turn is about to
  // wait synchronously (Atomics.wait, receiveMessageOnPort finding
  // nothing), perhaps for one of them, which in Node already runs on its
  // own thread. Until then a child made in a turn starts after it, so
  // `new Worker(); w.terminate()` never lets it run, as in Node.
  void StartPendingChildren() {
    for (auto& child : children_.TakeToStart()) child->Start();
  }
  // A child of this worker: route its lifecycle to our JS Worker object.
  void AddChild(uint32_t thread_id, PortId port) {
    ISLET_DCHECK(InTurnHere());
    children_.Add(thread_id, port);
  }

  // Child lifecycle notifications from the supervisor (any thread).
  void NotifyChildOnline(uint32_t thread_id);
  void NotifyChildError(uint32_t thread_id, std::shared_ptr<Message> error);
  // The child was ended by the runtime (out of memory, a limit): its parent
  // gets an 'error' event with this code and message.
  void NotifyChildFailure(uint32_t thread_id, std::string code, std::string message);
  void NotifyChildExit(uint32_t thread_id, int exit_code);

  // Delivers `json` to the control port (thread-safe). kFull: the control
  // messages queued and not yet delivered already hold `max_queued_bytes`
  // (one message is always taken when none waits).
  enum class ControlPost { kQueued, kFull, kRefused };
  ControlPost PostControl(std::string json, size_t max_queued_bytes = SIZE_MAX);
  // Emits process.emit(name) if the script listens for it; otherwise (as in
  // Node, whose default action for SIGTERM is to end) terminates. Thread-safe.
  void Signal(std::string name);

  // PortOwner (any thread):
  void OnPortReady(PortId port) override;
  std::shared_ptr<const std::atomic<size_t>> queue_limit() const override { return queue_limit_; }
  std::shared_ptr<QueueAccount> queue_account() const override { return queue_account_; }
  // Bytes of control messages (PostControl) queued and not yet delivered.
  size_t control_queued_bytes() const { return control_queued_->load(std::memory_order_relaxed); }

 protected:
  bool RunTurn() override;

 private:
  struct Rejection {
    v8::Global<v8::Promise> promise;
    v8::Global<v8::Value> reason;
  };

  // Takes a prepared isolate from the warm pool, or prepares one.
  Result<void> CreateIsolate();
  bool Turn(v8::Local<v8::Context> context);
  void RunDueTimers(v8::Local<v8::Context> context);
  // Has the timer service wake this worker by `when`, unless a wake already
  // requested comes sooner.
  void WakeBy(std::chrono::steady_clock::time_point when);
  void ScheduleTimerWake();
  // Asks for a turn 1 ms from now, for a heap reading a turn skipped.
  void RequestHeapRefresh();
  // resourceLimits.stackSizeMb for this turn's thread (workers only).
  void ApplyStackLimit();
  bool IsAlive() const;
  int64_t NowMs() const;

  void DrainPort(v8::Local<v8::Context> context, PortId port, size_t budget);
  // `header`: where it was thrown ("file:line", source line, caret), which
  // decorates its stack as Node's does; may be empty.
  void ReportErrorToParent(v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                           const std::string& header = {});
  // Runs `fn` (which calls into JS) under a TryCatch, then the tick queue.
  template <typename Fn>
  void RunCallback(v8::Local<v8::Context> context, Fn&& fn);
  void AfterCallback(v8::Local<v8::Context> context);
  void HandleException(v8::Local<v8::Context> context, v8::TryCatch& try_catch);
  void Fatal(v8::Local<v8::Context> context, v8::Local<v8::Value> error,
             v8::Local<v8::Message> message, int exit_code = 1);
  void ProcessRejections(v8::Local<v8::Context> context);
  void Finish(ExitInfo exit);
  // The exit of a terminated worker, with the limit that ended it, if any.
  ExitInfo TerminatedExit(int code);
  // Releases what lives in the isolate (handles, ports, timers); the
  // isolate is entered (Locker held).
  void TeardownInIsolate();

  static void OnPromiseReject(v8::PromiseRejectMessage message);
  static size_t OnNearHeapLimit(void* data, size_t current_limit, size_t initial_limit);
  static void OnAtomicsWait(v8::Isolate::AtomicsWaitEvent event,
                            v8::Local<v8::SharedArrayBuffer> array_buffer, size_t offset,
                            int64_t value, double timeout_ms,
                            v8::Isolate::AtomicsWaitWakeHandle* handle, void* data);

  Engine* const engine_;
  Bus* const bus_;
  const WorkerConfig config_;
  WorkerHost* const host_;
  // What this worker has posted that no one has read yet (Bus charges it).
  const std::shared_ptr<QueueAccount> queue_account_;
  // Shared with the queued control tasks, which may outlive the Worker's
  // members (the mailbox is the Actor's).
  const std::shared_ptr<std::atomic<size_t>> control_queued_ =
      std::make_shared<std::atomic<size_t>>(0);
  const std::chrono::steady_clock::time_point start_time_;

  // Its phase and the requests that end it (lifecycle.h).
  Lifecycle lifecycle_;

  // Terminates the worker for a broken limit (the watchdog's thread).
  void TerminateFor(LimitEnforcer::Breach breach);
  // The islet limits, and the CPU accounting of turns they are judged by.
  LimitEnforcer limits_;

  // Guards isolate_ against disposal while another thread terminates it,
  // and the Atomics.wait wake handle.
  mutable Mutex isolate_mu_;
  v8::Isolate* isolate_ = nullptr;
  v8::Isolate::AtomicsWaitWakeHandle* wait_handle_ GUARDED_BY(isolate_mu_) = nullptr;
  std::shared_ptr<CountingAllocator> allocator_ GUARDED_BY(isolate_mu_);
  // allocator_ for the thread running this worker's turn: it is the only
  // writer (Init, under isolate_mu_), so it may read without the lock.
  CountingAllocator& OwnerAllocator() NO_THREAD_SAFETY_ANALYSIS { return *allocator_; }
  std::unique_ptr<CompileLog> compile_log_;  // until the first turn's caches are made

  // Executor thread only, below.
  v8::Global<v8::Context> context_;
  Hooks hooks_;
  std::vector<Rejection> rejections_;
  v8::Global<v8::FunctionTemplate> port_template_;
  v8::Global<v8::Private> untransferable_key_;
  PortTable ports_;
  Children children_;
  std::shared_ptr<Message> init_;
  fast_clone::ShapeCache shapes_;
  std::unique_ptr<ModuleRegistry> modules_;
  v8::Global<v8::Int32Array> tick_info_holder_;
  int32_t* tick_info_ = nullptr;  // into tick_info_holder_'s backing store
  bool constructing_port_ = false;
  // Workers not yet started (WorkerHost::starting_counter): this one counts
  // until DoneStarting.
  void DoneStarting();
  const std::shared_ptr<std::atomic<int64_t>> starting_;
  std::atomic<bool> started_counted_{false};
  std::atomic<uint64_t> messages_in_{0};   // port messages delivered to JS
  std::atomic<uint64_t> messages_out_{0};  // port messages this worker posted

  int64_t loop_now_ms_ = 0;
  uint64_t timer_seq_ = 0;
  std::map<std::pair<int64_t, uint64_t>, uint32_t> timer_order_;
  struct TimerState {
    std::pair<int64_t, uint64_t> key;
    bool ref;
  };
  std::unordered_map<uint32_t, TimerState> timers_;
  int refed_timers_ = 0;
  std::chrono::steady_clock::time_point requested_wake_{};
  int64_t heap_stats_ms_ = -1;  // loop time of the last heap reading
  bool heap_stale_ = false;     // a turn since then skipped the reading
  int immediate_count_ = 0;
  int immediate_refs_ = 0;
  int handle_refs_ = 0;  // ports and child workers keeping the loop alive
  std::atomic<uint64_t> heap_used_{0};
  std::atomic<uint64_t> heap_limit_{0};
  std::atomic<uint64_t> external_{0};
  // limits_.max_port_queue, read by the bus at every post to our ports.
  const std::shared_ptr<std::atomic<size_t>> queue_limit_ =
      std::make_shared<std::atomic<size_t>>(0);
};

template <typename Fn>
void Worker::RunCallback(v8::Local<v8::Context> context, Fn&& fn) {
  {
    v8::TryCatch try_catch(isolate_);
    v8::MaybeLocal<v8::Value> result = fn();
    if (result.IsEmpty() || try_catch.HasCaught() || try_catch.HasTerminated()) {
      HandleException(context, try_catch);
    }
  }
  // process.exit() requests termination, which V8 only delivers at its next
  // interrupt check; JS may have returned to us first.
  if (auto exit = lifecycle_.RequestedExit()) Finish(*std::move(exit));
  if (!finishing()) AfterCallback(context);
}

}  // namespace islet::runtime
