#pragma once

#include <atomic>
#include <map>
#include <thread>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/runtime.h"

namespace islet::testing {

// An in-memory Runtime for control-plane tests: workers never run; the test
// drives their events with Emit and Exit. Thread-safe.
class FakeRuntime : public runtime::Runtime {
 public:
  ~FakeRuntime() override {
    for (auto& t : threads_) t.join();
  }

  runtime::Result<runtime::SpawnResult> Spawn(runtime::SpawnSpec spec,
                                              runtime::EventSink follow) override {
    MutexLock lock(mu_);
    runtime::WorkerId id = ++next_worker_;
    runtime::WorkerInfo info;
    info.id = id;
    info.job_id = id;
    info.main = spec.main;
    info.name = spec.name;
    info.state = runtime::WorkerState::kIdle;
    workers_[id] = info;
    specs_.push_back(std::move(spec));
    if (follow) sinks_[id][++next_subscription_] = std::move(follow);
    return runtime::SpawnResult{id, id};
  }

  std::vector<runtime::WorkerInfo> List(bool include_exited) override {
    MutexLock lock(mu_);
    std::vector<runtime::WorkerInfo> out;
    for (auto& [id, info] : workers_) {
      if (include_exited || !info.exit) out.push_back(info);
    }
    return out;
  }

  runtime::Result<runtime::WorkerInfo> Inspect(runtime::WorkerId id) override {
    MutexLock lock(mu_);
    auto it = workers_.find(id);
    if (it == workers_.end()) {
      return runtime::MakeError(runtime::ErrorCode::kNotFound, "no worker " + std::to_string(id));
    }
    return it->second;
  }

  using runtime::Runtime::Terminate;
  runtime::Result<void> Terminate(runtime::WorkerId id, double /*grace_ms*/,
                                  std::function<void(const runtime::ExitInfo&)> done) override {
    {
      MutexLock lock(mu_);
      if (!workers_.count(id)) {
        return runtime::MakeError(runtime::ErrorCode::kNotFound, "no worker " + std::to_string(id));
      }
    }
    // Completes on another thread, as the real runtime does.
    MutexLock lock(threads_mu_);
    threads_.emplace_back([this, id, done = std::move(done)] {
      runtime::ExitInfo exit{1, runtime::ExitReason::kTerminated, "", ""};
      Exit(id, exit);
      done(exit);
    });
    return {};
  }

  runtime::Result<uint64_t> Subscribe(runtime::WorkerId id, bool follow,
                                      runtime::EventSink sink) override {
    MutexLock lock(mu_);
    if (!workers_.count(id)) {
      return runtime::MakeError(runtime::ErrorCode::kNotFound, "no worker " + std::to_string(id));
    }
    uint64_t sub = ++next_subscription_;
    sinks_[id][sub] = std::move(sink);
    return sub;
  }

  void Unsubscribe(runtime::WorkerId id, uint64_t subscription) override {
    MutexLock lock(mu_);
    sinks_[id].erase(subscription);
    ++unsubscribes_;
    cv_.NotifyAll();
  }

  runtime::Result<void> SetLimits(runtime::WorkerId id,
                                  const runtime::WorkerLimits& limits) override {
    MutexLock lock(mu_);
    if (!workers_.contains(id)) {
      return runtime::MakeError(runtime::ErrorCode::kNotFound, "no worker " + std::to_string(id));
    }
    workers_[id].limits = limits;
    return {};
  }

  runtime::Result<void> PostControl(runtime::WorkerId id, std::string json) override {
    MutexLock lock(mu_);
    if (!workers_.contains(id)) {
      return runtime::MakeError(runtime::ErrorCode::kNotFound, "no worker " + std::to_string(id));
    }
    posted_.emplace_back(id, std::move(json));
    return {};
  }

  std::vector<std::pair<runtime::WorkerId, std::string>> posted() {
    MutexLock lock(mu_);
    return posted_;
  }

  // Workers "still starting", as spawn admission sees them (settable).
  std::atomic<uint32_t> starting{0};
  uint32_t WorkersStarting() override { return starting.load(); }

  runtime::RuntimeStats Stats() override {
    MutexLock lock(mu_);
    return runtime::RuntimeStats{.workers_spawned_total = next_worker_, .executor_threads = 3};
  }

  void Shutdown() override {
    MutexLock lock(mu_);
    shutdown_ = true;
  }

  // The fake keeps no supervised workers and no shared memory.
  std::vector<runtime::SupervisedSpec> Supervised() override { return {}; }
  void ReserveWorkerIds(runtime::WorkerId highest) override {
    MutexLock lock(mu_);
    next_worker_ = std::max<uint64_t>(next_worker_, highest);
  }
  runtime::Result<runtime::ShmCreateResult> ShmCreate(const std::string&, uint64_t) override {
    return NoShm();
  }
  runtime::Result<std::vector<runtime::ShmSegmentInfo>> ShmList() override { return NoShm(); }
  runtime::Result<void> ShmDelete(const std::string&) override { return NoShm(); }
  runtime::Result<std::string> ShmRead(const std::string&, uint64_t, uint64_t) override {
    return NoShm();
  }
  runtime::Result<void> ShmWrite(const std::string&, uint64_t, std::string_view) override {
    return NoShm();
  }

  // Delivers `body` to every subscriber of `id` on the calling thread.
  void Emit(runtime::WorkerId id, decltype(runtime::WorkerEvent::body) body) {
    MutexLock lock(mu_);
    for (auto& [sub, sink] : sinks_[id]) sink(runtime::WorkerEvent{id, body});
  }

  // Marks `id` exited and ends every subscription: ExitInfo, then EndOfStream.
  void Exit(runtime::WorkerId id, const runtime::ExitInfo& exit) {
    MutexLock lock(mu_);
    workers_[id].exit = exit;
    workers_[id].state = runtime::WorkerState::kExited;
    for (auto& [sub, sink] : sinks_[id]) {
      sink(runtime::WorkerEvent{id, exit});
      sink(runtime::WorkerEvent{id, runtime::EndOfStream{}});
    }
    sinks_[id].clear();
  }

  size_t subscribers(runtime::WorkerId id) {
    MutexLock lock(mu_);
    return sinks_[id].size();
  }

  bool WaitForUnsubscribes(size_t count) {
    MutexLock lock(mu_);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (unsubscribes_ < count && cv_.WaitUntil(mu_, deadline)) {
    }
    return unsubscribes_ >= count;
  }

  std::vector<runtime::SpawnSpec> specs() {
    MutexLock lock(mu_);
    return specs_;
  }

  bool shutdown() {
    MutexLock lock(mu_);
    return shutdown_;
  }

 private:
  static std::unexpected<runtime::Error> NoShm() {
    return runtime::MakeError(runtime::ErrorCode::kUnimplemented,
                              "the fake runtime has no shared-memory segments");
  }

  Mutex mu_;
  std::vector<std::pair<runtime::WorkerId, std::string>> posted_ GUARDED_BY(mu_);
  CondVar cv_;
  uint64_t next_worker_ GUARDED_BY(mu_) = 0;
  uint64_t next_subscription_ GUARDED_BY(mu_) = 0;
  size_t unsubscribes_ GUARDED_BY(mu_) = 0;
  bool shutdown_ GUARDED_BY(mu_) = false;
  std::map<runtime::WorkerId, runtime::WorkerInfo> workers_ GUARDED_BY(mu_);
  std::map<runtime::WorkerId, std::map<uint64_t, runtime::EventSink>> sinks_ GUARDED_BY(mu_);
  std::vector<runtime::SpawnSpec> specs_ GUARDED_BY(mu_);
  Mutex threads_mu_;
  std::vector<std::thread> threads_ GUARDED_BY(threads_mu_);
};

}  // namespace islet::testing
