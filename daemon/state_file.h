#pragma once

#include <atomic>
#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "proto/islet/v1/control.pb.h"
#include "runtime/base/mutex.h"
#include "runtime/base/thread_annotations.h"
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

// Removes what a crash mid-write left of `path`'s temporary files
// (`path`.XXXXXX, owner-only, holding bundles and environments). Returns
// how many it removed.
int RemoveStaleTemporaries(const std::string& path);

// Keeps the state file in step with the runtime's supervised workers, on a
// writer thread of its own (an fsync never holds up the control thread).
//
// Durability: Sync(done) calls `done` (through `post`, on the control
// thread) once a write that began after the call has reached the disk, so
// a reply sent from `done` is never ahead of the file: a supervised spawn or
// a kill acknowledged to a client survives `kill -9` of the daemon right
// after. Changes that arrive while a write is under way are written
// together by the next one (group commit): a storm of spawns costs a few
// fsyncs, not one each.
//
// Changed() may be called from any thread (it is the runtime's
// on_supervised_changed). Stop() ends the writes: a daemon that is shutting
// down keeps the file as it was, for the next start.
class StateKeeper {
 public:
  // The outcome given to Sync's callback: the error says why the file was
  // not written.
  using Done = std::function<void(std::expected<void, std::string>)>;

  StateKeeper(std::string path, std::function<void(std::function<void()>)> post);
  ~StateKeeper();
  StateKeeper(const StateKeeper&) = delete;
  StateKeeper& operator=(const StateKeeper&) = delete;

  // Before Start only (the writer reads them).
  void set_runtime(runtime::Runtime* runtime) { runtime_ = runtime; }
  // Entries of the file that could not be started (a lowered
  // --max-bundle-bytes or --max-workers, say): written back with every save,
  // so that they are not lost, until someone removes them.
  void KeepUnresurrected(v1::SupervisedWorker entry);
  const std::string& path() const { return path_; }

  // Writes now, on the caller's thread (at start-up, before Start). Logs
  // and returns the error on failure.
  std::expected<void, std::string> Save();
  // Starts the writer thread.
  void Start();
  void Changed();
  void Sync(Done done);
  // Ends the writes; later Syncs get `reason` as their error. With
  // `flush`, changes asked for before the call are written first (and
  // callbacks waiting for them get the outcome); without, those callbacks
  // get `reason` too.
  void Stop(std::string reason = "the daemon is shutting down", bool flush = false);

  // Writes done (tests and benchmarks).
  uint64_t writes() const { return writes_.load(); }

 private:
  void Run();

  const std::string path_;
  const std::function<void(std::function<void()>)> post_;
  runtime::Runtime* runtime_ = nullptr;
  std::atomic<uint64_t> writes_{0};
  Mutex mu_;
  CondVar wake_;
  std::vector<v1::SupervisedWorker> unresurrected_ GUARDED_BY(mu_);
  uint64_t requested_ GUARDED_BY(mu_) = 0;  // changes asked for
  uint64_t written_ GUARDED_BY(mu_) = 0;    // the newest request on disk
  std::vector<std::pair<uint64_t, Done>> waiting_ GUARDED_BY(mu_);
  bool stopped_ GUARDED_BY(mu_) = false;
  std::string stop_reason_ GUARDED_BY(mu_);
  std::thread writer_;
};

}  // namespace islet::daemon
