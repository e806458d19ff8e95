#pragma once

#include <atomic>
#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "proto/islet/v1/control.pb.h"
#include "runtime/runtime.h"

// The daemon's state file: the supervised workers a restarted daemon starts
// again (as pm2's resurrect does). Format in control.proto (StateFile): a
// magic, the payload's length and CRC-32, then the payload, so a torn or
// corrupted file is detected rather than half-read.
namespace islet::daemon {

std::string EncodeStateFile(const v1::StateFile& state);
// The reason the bytes are not a valid state file, as the error.
std::expected<v1::StateFile, std::string> DecodeStateFile(std::string_view bytes);

// Replaces `path` atomically (a temporary file, fsync, rename, fsync of the
// directory): a crash leaves the old file or the new one, never a mix.
std::expected<void, std::string> WriteStateFile(const std::string& path,
                                                const v1::StateFile& state);

struct LoadedState {
  v1::StateFile state;
  // Non-empty if the file was unreadable or corrupt; nothing is resurrected
  // from it. A corrupt one was renamed to `set_aside`.
  std::string problem;
  std::string set_aside;
};

// Reads `path`; a missing file is an empty state, not a problem.
LoadedState LoadStateFile(const std::string& path);

// Keeps the state file in step with the runtime's supervised workers.
// Changed() may be called from any thread (it is the runtime's
// on_supervised_changed); the write happens on the thread `post` runs
// work on (the control thread), coalesced. Stop() ends the writes: a daemon
// that is shutting down keeps the file as it was, for the next start.
class StateKeeper {
 public:
  StateKeeper(std::string path, std::function<void(std::function<void()>)> post);

  void set_runtime(runtime::Runtime* runtime) { runtime_ = runtime; }
  // Entries of the file that could not be started (a lowered
  // --max-bundle-bytes or --max-workers, say): written back with every save,
  // so that they are not lost, until someone removes them. Control thread.
  void KeepUnresurrected(v1::SupervisedWorker entry) { unresurrected_.push_back(std::move(entry)); }
  const std::string& path() const { return path_; }

  void Changed();
  // Writes now (control thread). Logs and returns false on failure.
  bool Save();
  void Stop() { stopped_.store(true); }

 private:
  const std::string path_;
  const std::function<void(std::function<void()>)> post_;
  runtime::Runtime* runtime_ = nullptr;
  std::vector<v1::SupervisedWorker> unresurrected_;
  std::atomic<bool> pending_{false};
  std::atomic<bool> stopped_{false};
};

}  // namespace islet::daemon
