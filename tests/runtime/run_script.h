#pragma once

// Test helper: runs a script through a real Runtime and collects what it
// printed and how it exited.

#include <future>
#include <string>
#include <utility>
#include <vector>

#include "runtime/runtime.h"

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

// Spawns `spec` and waits for the worker to exit.
inline ScriptResult RunJs(Runtime& runtime, SpawnSpec spec) {
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
  done->get_future().wait();
  return *result;
}

inline ScriptResult RunJs(Runtime& runtime, std::string source) {
  return RunJs(runtime, MakeSpec(std::move(source)));
}

}  // namespace islet::runtime::testing
