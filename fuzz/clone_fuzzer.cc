// Fuzzes what a worker does with the bytes of a message it receives
// (Worker::DrainPort): DeserializeMessage, which reads islet's fast form
// (fast_clone::Deserialize, with the worker's ShapeCache) when the bytes
// start with its tag, and V8's structured-clone format otherwise, through
// v8::ValueDeserializer and islet's delegate (host objects are ports by
// index, SharedArrayBuffers by id). The input is the bytes of a Message
// with no ports and no attachments, so every port index or buffer id in it
// is out of range, as a corrupt one would be.
//
// The reader runs where it runs in the daemon: in a real worker's turn (its
// executor thread, its isolate locked, the context its bootstrap made), one
// worker for the whole run, set up as tests/runtime/worker/serializer_test.cc
// sets one up. A JS exception is an answer, not a failure; a crash, an ASan
// report or a failed ISLET_DCHECK is a finding. A crash wholly inside V8's
// own ValueDeserializer (libnode) is V8's to fix: only V8's serializer in
// another worker writes that format.

#include <v8.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "runtime/bus/bus.h"
#include "runtime/bus/message.h"
#include "runtime/engine/engine.h"
#include "runtime/scheduler/executor.h"
#include "runtime/worker/env_store.h"
#include "runtime/worker/fast_clone.h"
#include "runtime/worker/serializer.h"
#include "runtime/worker/worker.h"
#include "runtime/worker/worker_host.h"

namespace islet::runtime {
namespace {

// Bounds a wait for the worker: far above a turn, far below "stuck".
constexpr auto kWaitLimit = std::chrono::seconds(60);

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "clone_fuzzer: %s\n", what.c_str());
  std::abort();
}

// The supervisor's part, reduced to what one lone worker needs. What the
// worker prints goes to stderr, so a bootstrap that fails says why.
class FuzzHost final : public WorkerHost {
 public:
  void OnOutput(WorkerId, Stream, std::string_view data) override {
    std::fwrite(data.data(), 1, data.size(), stderr);
  }
  void OnExit(WorkerId, const ExitInfo& exit) override { exited_.set_value(exit); }
  void OnControl(WorkerId, std::string) override {}
  Result<ChildInfo> SpawnChild(Worker&, ChildSpec) override {
    return MakeError(ErrorCode::kFailedPrecondition, "no child workers in the fuzzer");
  }
  bool TerminateChild(Worker&, WorkerId) override { return false; }
  PortId JoinBroadcast(Worker&, const std::string&) override { return 0; }
  WarmPool* warm_pool() override { return nullptr; }
  SegmentRegistry* segments() override { return nullptr; }
  std::shared_ptr<ExternalBudget> external_budget() override { return nullptr; }
  PrepareOptions prepare_options() const override { return {}; }

  // Whether the worker has exited within `timeout`.
  bool WaitExited(std::chrono::seconds timeout) {
    return exited_future_.wait_for(timeout) == std::future_status::ready;
  }
  // Why the worker is gone, for a failure message.
  std::string WhyGone() {
    if (!WaitExited(std::chrono::seconds(0))) return "the worker is still running";
    ExitInfo exit = exited_future_.get();
    return "the worker exited (" + std::string(ExitReasonName(exit.reason)) +
           "): " + exit.error_message;
  }

 private:
  std::promise<ExitInfo> exited_;
  std::future<ExitInfo> exited_future_ = exited_.get_future();
};

// One worker and what it runs on. Members in the order the serializer
// test's fixture has them, so they go in the reverse order it tears down.
struct Harness {
  Bus bus;
  FuzzHost host;
  Executor executor{ExecutorOptions{.threads = 1, .long_turn_microseconds = 0}};
  std::shared_ptr<Worker> worker;
};

Harness* harness = nullptr;

// Runs fn(worker, context) in the worker's turn and waits for it. Inputs
// are deserialized one at a time, so `fn` may refer to the caller's data.
template <typename Fn>
void InWorker(Fn fn) {
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> ran = done->get_future();
  Worker* worker = harness->worker.get();
  bool posted = worker->PostUrgent([worker, done, fn = std::move(fn)]() mutable {
    v8::Isolate* isolate = worker->isolate();
    v8::HandleScope handle_scope(isolate);
    fn(worker, isolate->GetCurrentContext());
    done->set_value();
  });
  if (!posted || ran.wait_for(kWaitLimit) != std::future_status::ready) {
    Fail("the worker did not run the fuzzer's task: " + harness->host.WhyGone());
  }
}

// Ends the worker before exit() destroys what it uses. libFuzzer calls
// exit() when a run is over; it does not return from its main.
void StopHarness() {
  harness->worker->Terminate();
  if (!harness->host.WaitExited(kWaitLimit)) return;  // leak it rather than hang
  harness->worker.reset();
  delete harness;
  harness = nullptr;
}

void StartHarness() {
  harness = new Harness;
  auto bundle = std::make_shared<Bundle>();
  bundle->root = "/fuzz";
  // A timer keeps the worker alive, idle between inputs.
  bundle->files["main.js"] = std::make_shared<const std::string>("setInterval(() => {}, 1 << 30);");
  WorkerConfig config;
  config.id = 1;
  config.job_id = 1;
  config.bundle = std::move(bundle);
  config.main = "main.js";
  config.env_store = std::make_shared<EnvStore>();
  harness->worker = std::make_shared<Worker>(&Engine::Get(), &harness->executor, &harness->bus,
                                             std::move(config), &harness->host);
  harness->worker->Start();
  // Once this task has run, the isolate exists and the bootstrap is done.
  InWorker([](Worker*, v8::Local<v8::Context> context) {
    if (context.IsEmpty()) Fail("the worker's turn has no context");
  });
  std::atexit(StopHarness);
}

void Deserialize(const uint8_t* data, size_t size) {
  InWorker([data, size](Worker* worker, v8::Local<v8::Context> context) {
    v8::Isolate* isolate = context->GetIsolate();
    // Twice: the second time, the shapes of the input's objects are in the
    // worker's ShapeCache, as for every message after the first of a kind.
    for (int i = 0; i < 2; ++i) {
      v8::HandleScope handles(isolate);
      v8::TryCatch try_catch(isolate);
      Message message;
      message.bytes.assign(data, size);
      (void)DeserializeMessage(worker, context, message);
    }
    // And without a cache, which fast_clone::Deserialize also takes.
    if (size > 0 && data[0] == fast_clone::kTag) {
      v8::HandleScope handles(isolate);
      v8::TryCatch try_catch(isolate);
      MessageBytes bytes;
      bytes.assign(data, size);
      (void)fast_clone::Deserialize(context, bytes);
    }
    // Each input starts from an empty cache, so that a crash reproduces
    // from its input alone.
    worker->shapes()->Clear();
  });
}

}  // namespace
}  // namespace islet::runtime

// V8 keeps memory for the life of the process that LeakSanitizer would
// report at exit (the asan config turns leak checks off for the same
// reason). Here rather than in tools/fuzz, so that a finding reproduced by
// running the binary by hand behaves the same.
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }

// The worker starts here rather than with the first input: libFuzzer's
// -timeout is not armed yet, and starting V8 and a bootstrap under ASan can
// take seconds.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  islet::runtime::StartHarness();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  islet::runtime::Deserialize(data, size);
  return 0;
}
