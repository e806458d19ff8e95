#pragma once

// Test helper: runs a script through a real Runtime and collects what it
// printed and how it exited.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/runtime.h"
#include "tests/common/wait.h"

namespace islet::runtime::testing {

struct ScriptResult {
  std::string out;
  std::string err;
  ExitInfo exit;
};

inline SpawnSpec MakeSpec(std::string source,
                          std::vector<std::pair<std::string, std::string>> extra = {}) {
  SpawnSpec spec;
  spec.main = "main.js";
  spec.root = "/test";
  spec.files.push_back({"main.js", std::move(source)});
  for (auto& [name, content] : extra) spec.files.push_back({name, content});
  return spec;
}

// A whole script's run: longer than one awaited event, and a script that
// takes it is broken (stress tests that run for minutes pass their own).
inline constexpr std::chrono::milliseconds kScriptTimeout = std::chrono::minutes(2);

// Spawns `spec` and waits for the worker to exit; a worker still running
// after `timeout` is terminated and reported as exit code -2.
inline ScriptResult RunJs(Runtime& runtime, SpawnSpec spec,
                          std::chrono::milliseconds timeout = kScriptTimeout) {
  auto result = std::make_shared<ScriptResult>();
  auto done = std::make_shared<std::promise<void>>();
  auto spawned = runtime.Spawn(std::move(spec), [result, done](const WorkerEvent& event) {
    if (auto* out = std::get_if<Output>(&event.body)) {
      (out->stream == Stream::kStdout ? result->out : result->err) += out->data;
    } else if (auto* exit = std::get_if<ExitInfo>(&event.body)) {
      result->exit = *exit;
    } else {
      done->set_value();
    }
  });
  if (!spawned) {
    result->exit =
        ExitInfo{-1, ExitReason::kStartupFailed, "spawn failed: " + spawned.error().message, ""};
    return *result;
  }
  if (done->get_future().wait_for(timeout) != std::future_status::ready) {
    // The sink holds its own references: nothing dangles if it runs later.
    (void)runtime.Terminate(spawned->worker_id, nullptr);
    return ScriptResult{"", "", ExitInfo{-2, ExitReason::kExited, "test: no end in time", ""}};
  }
  return *result;
}

inline ScriptResult RunJs(Runtime& runtime, std::string source,
                          std::chrono::milliseconds timeout = kScriptTimeout) {
  return RunJs(runtime, MakeSpec(std::move(source)), timeout);
}

// Watches one spawned worker from the test thread: what it printed, what it
// sent on its control port, how it ended. The sink holds the watch by a
// shared_ptr, so a test that gives up on a wait leaves nothing dangling for
// a sink that runs afterwards.
class WorkerWatch {
 public:
  static std::shared_ptr<WorkerWatch> Create() { return std::make_shared<WorkerWatch>(); }

  static EventSink SinkOf(const std::shared_ptr<WorkerWatch>& watch) {
    return [watch](const WorkerEvent& event) { watch->On(event); };
  }

  // Waits until `condition` holds (called under the watch's lock); false if
  // the timeout passed first.
  bool WaitFor(const std::function<bool(const WorkerWatch&)>& condition,
               std::chrono::milliseconds timeout = islet::testing::kWaitTimeout) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, timeout, [&] { return condition(*this); });
  }
  bool WaitForControl(size_t count = 1) {
    return WaitFor([count](const WorkerWatch& w) { return w.control_.size() >= count; });
  }
  // The sink's last call: the worker has exited and said everything.
  bool WaitForEnd() {
    return WaitFor([](const WorkerWatch& w) { return w.ended_; });
  }

  std::vector<std::string> control() const {
    std::lock_guard lock(mu_);
    return control_;
  }
  std::string out() const {
    std::lock_guard lock(mu_);
    return out_;
  }
  std::optional<ExitInfo> exit() const {
    std::lock_guard lock(mu_);
    return exit_;
  }

 private:
  void On(const WorkerEvent& event) {
    std::lock_guard lock(mu_);
    if (auto* c = std::get_if<ControlMessage>(&event.body)) control_.push_back(c->json);
    if (auto* o = std::get_if<Output>(&event.body)) {
      (o->stream == Stream::kStdout ? out_ : err_) += o->data;
    }
    if (auto* e = std::get_if<ExitInfo>(&event.body)) exit_ = *e;
    if (std::holds_alternative<EndOfStream>(event.body)) ended_ = true;
    cv_.notify_all();
  }

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> control_;
  std::string out_;
  std::string err_;
  std::optional<ExitInfo> exit_;
  bool ended_ = false;
};

}  // namespace islet::runtime::testing
