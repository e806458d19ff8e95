#pragma once

// The narrow facade the daemon sees. No V8 types here: the daemon and the
// tests link against this header, and everything V8 stays inside runtime/.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/base/error.h"
#include "runtime/runtime_types.h"

namespace islet::runtime {

// Hosts workers. Thread-safe: every method may be called from any thread
// except the executors' (the daemon calls it from its control thread).
class Runtime {
 public:
  // Starts V8 (once per process) and the executor threads.
  static Result<std::unique_ptr<Runtime>> Create(const RuntimeOptions& options);
  virtual ~Runtime() = default;

  // Starts a job whose root worker runs spec.main. If `follow` is given it is
  // subscribed before the worker runs, so no output is missed.
  virtual Result<SpawnResult> Spawn(SpawnSpec spec, EventSink follow) = 0;

  virtual std::vector<WorkerInfo> List(bool include_exited) = 0;
  virtual Result<WorkerInfo> Inspect(WorkerId id) = 0;

  // Ends the worker (and the workers it spawned), and stops its restarts.
  // With `grace_ms` > 0 a root worker listening for process.on('SIGTERM')
  // gets that event and is forced only if still running `grace_ms` later.
  // `done` runs once it has exited, on a runtime thread; at once if it had
  // exited already.
  virtual Result<void> Terminate(WorkerId id, double grace_ms,
                                 std::function<void(const ExitInfo&)> done) = 0;
  Result<void> Terminate(WorkerId id, std::function<void(const ExitInfo&)> done) {
    return Terminate(id, 0, std::move(done));
  }

  // Replays the captured output, then, with `follow`, streams until exit.
  // Returns a subscription id for Unsubscribe.
  virtual Result<uint64_t> Subscribe(WorkerId id, bool follow, EventSink sink) = 0;
  // After it returns, `sink` of that subscription is never called again.
  virtual void Unsubscribe(WorkerId id, uint64_t subscription) = 0;

  // Replaces the worker's islet limits; they apply from now on.
  virtual Result<void> SetLimits(WorkerId id, const WorkerLimits& limits) = 0;

  // Delivers `json` to the worker's control port. JSON nested deeper than
  // kMaxControlJsonDepth is INVALID_ARGUMENT, and the worker never sees it.
  static constexpr size_t kMaxControlJsonDepth = 1000;
  virtual Result<void> PostControl(WorkerId id, std::string json) = 0;

  virtual RuntimeStats Stats() = 0;
  // Stats().workers_starting without the rest (no lock): read at every
  // spawn the control plane admits.
  virtual uint32_t WorkersStarting() { return Stats().workers_starting; }

  // The supervised workers that a restarted daemon should start again (live
  // or waiting to restart; not the killed or given up).
  virtual std::vector<SupervisedSpec> Supervised() = 0;
  // New workers get ids above `highest` (resurrection reserves the ids it
  // is about to reuse).
  virtual void ReserveWorkerIds(WorkerId highest) = 0;

  // Terminates every worker and waits until they have exited.
  virtual void Shutdown() = 0;

  // Named shared-memory segments.
  // Creates `name` with `size` zeroed bytes, or opens it if it exists with
  // that size (FAILED_PRECONDITION naming both sizes if not).
  virtual Result<ShmCreateResult> ShmCreate(const std::string& name, uint64_t size) = 0;
  virtual Result<std::vector<ShmSegmentInfo>> ShmList() = 0;
  // Unlinks the name; workers holding the segment keep valid memory.
  virtual Result<void> ShmDelete(const std::string& name) = 0;
  // `length` 0 reads to the end of the segment.
  virtual Result<std::string> ShmRead(const std::string& name, uint64_t offset,
                                      uint64_t length) = 0;
  virtual Result<void> ShmWrite(const std::string& name, uint64_t offset,
                                std::string_view data) = 0;
};

}  // namespace islet::runtime
