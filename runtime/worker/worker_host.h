#pragma once

// What a worker is started with (WorkerConfig) and whom it reports to
// (WorkerHost, implemented by the supervisor). No V8 types.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/bus/bus.h"
#include "runtime/runtime.h"
#include "runtime/worker/env_store.h"

namespace islet::runtime {

class ExternalBudget;
class SegmentRegistry;
class WarmPool;
class Worker;

// A job's files, shared read-only by every worker of the job. Names are
// relative to `root`, '/'-separated ("lib/a.js"; "" is the root itself).
struct Bundle {
  std::string root;  // absolute directory the names are relative to
  std::string cwd;   // process.cwd(): root or an absolute directory under it
  std::unordered_map<std::string, std::shared_ptr<const std::string>> files;
  // Symbolic links: name -> the bundle name of their resolved target.
  std::unordered_map<std::string, std::string> links;
  // Every directory that holds a file or a link ("" included).
  std::unordered_set<std::string> directories;

  enum class Kind { kMissing, kFile, kDirectory };
  // `name` with every link on the way resolved (a link's target is already
  // resolved, but a path may go on below it through further links), or
  // nullopt when nothing is there.
  std::optional<std::string> RealPath(std::string_view name) const;
  Kind KindOf(std::string_view name) const;
  // The content of the file at `name` (through links), or null.
  const std::string* Read(std::string_view name) const;
};

// Node's resourceLimits; -1 = the daemon's default.
// How to prepare an isolate (WorkerHost::prepare_options).
struct PrepareOptions {
  // From the environment snapshot once there is one
  // (RuntimeOptions::environment_snapshot).
  bool snapshot = true;
  // Without the snapshot: end with a memory-reducing GC, which frees the
  // bootstrap's garbage (RuntimeOptions::compact_isolates_above). An isolate
  // from the snapshot has none.
  bool compact = false;
};

struct ResourceLimits {
  double max_old_generation_mb = -1;
  double max_young_generation_mb = -1;
  double code_range_mb = -1;
  double stack_mb = 4;
};

struct WorkerConfig {
  WorkerId id = 0;
  JobId job_id = 0;
  WorkerId parent_id = 0;
  std::shared_ptr<const Bundle> bundle;
  std::string main;  // a name in `bundle`
  std::vector<std::string> argv;
  std::vector<std::pair<std::string, std::string>> env;
  std::string name;
  bool is_main_thread = true;
  // Child workers (new Worker):
  uint32_t thread_id = 0;         // Node's threadId: 0 for the job's root
  PortId parent_port = 0;         // the child's side of the parent channel
  std::string eval_code;          // set for `new Worker(code, {eval: true})`
  std::shared_ptr<Message> init;  // [workerData, environmentData, limits], serialized
  std::weak_ptr<Worker> parent;
  std::shared_ptr<EnvStore> env_store;  // process.env; shared under SHARE_ENV
  ResourceLimits limits;
  WorkerLimits islet_limits;  // initial; changeable with SetLimits
  // The job's time origin (performance.timeOrigin, performance.now() = 0):
  // when its root started. Children share it, as Node's workers share their
  // process's. (Not the isolate's bootstrap: that may have been prepared in
  // the warm pool long before.)
  int64_t time_origin_ns = 0;  // CLOCK_MONOTONIC, as process.hrtime
  double time_origin_ms = 0;   // wall clock, ms since the epoch
};

// What `new Worker(...)` asks of the supervisor.
struct ChildSpec {
  std::string main;  // bundle name, or empty with eval_code
  std::string eval_code;
  std::string name;
  std::vector<std::string> argv;
  std::vector<std::pair<std::string, std::string>> env;
  bool share_env = false;    // SHARE_ENV: the parent's store, not a copy of `env`
  bool inherit_env = false;  // a copy of the parent's process.env, not `env`
  ResourceLimits limits;
  std::shared_ptr<Message> init;
};

struct ChildInfo {
  WorkerId worker_id;
  uint32_t thread_id;
  PortId parent_port;  // the parent's side of the channel
};

// Receives what a worker produces. Called on the executor thread running the
// worker; implementations must not block or re-enter the worker.
class WorkerHost {
 public:
  virtual ~WorkerHost() = default;
  virtual void OnOutput(WorkerId id, Stream stream, std::string_view data) = 0;
  // Last call for this worker; its isolate is already disposed.
  virtual void OnExit(WorkerId id, const ExitInfo& exit) = 0;
  // The worker posted `json` on its control port.
  virtual void OnControl(WorkerId id, std::string json) = 0;
  // `new Worker()` inside `parent` (its executor thread, isolate locked).
  virtual Result<ChildInfo> SpawnChild(Worker& parent, ChildSpec spec) = 0;
  // `parent`'s JS Worker object ends child `id`. Only a child of `parent`:
  // any other live or recorded worker (another job's, a sibling, its own
  // parent) is refused, whatever the caller's JS did to reach the binding.
  // False if refused; an unknown id is nothing to do.
  virtual bool TerminateChild(Worker& parent, WorkerId id) = 0;
  // Joins `parent`'s job's BroadcastChannel `name`; returns the member port.
  virtual PortId JoinBroadcast(Worker& worker, const std::string& name) = 0;
  // Isolates prepared ahead of time, or null.
  virtual WarmPool* warm_pool() = 0;
  // The daemon's named shared-memory segments (require('islet').shared).
  virtual SegmentRegistry* segments() = 0;
  // ArrayBuffer memory of all workers together (may be null: no cap).
  virtual std::shared_ptr<ExternalBudget> external_budget() = 0;
  // How an isolate prepared now should be made (from the environment
  // snapshot; compacted: RuntimeOptions).
  virtual PrepareOptions prepare_options() const = 0;
  // Counts workers not yet started (their isolate not yet made): each adds
  // one when constructed and takes it away when its first turn has its
  // isolate, or when it ends without one. Null: not counted.
  virtual std::shared_ptr<std::atomic<int64_t>> starting_counter() { return nullptr; }
  // Whether scripts may require('islet:internal/binding')
  // (RuntimeOptions::expose_internals).
  virtual bool expose_internals() const { return false; }
  // Whether scripts may open daemon-wide shared-memory segments
  // (RuntimeOptions::shm_daemon_wide).
  virtual bool shm_daemon_wide() const { return false; }
};

}  // namespace islet::runtime
