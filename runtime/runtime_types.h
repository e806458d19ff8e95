#pragma once

// The data the Runtime facade (runtime.h) takes and gives: specs, limits,
// worker info, events. No V8 types, as for runtime.h.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "runtime/base/error.h"
#include "runtime/scheduler/executor_stats.h"

namespace islet::runtime {

using WorkerId = uint64_t;
using JobId = uint64_t;

struct BundleFile {
  std::string name;  // relative, '/'-separated, no "..", no leading '/'
  std::string content;
  // The content, when it lives in the daemon's bundle store: shared by every
  // job that has it (then `content` is empty).
  std::shared_ptr<const std::string> shared = {};
  // A symbolic link: the bundle name of what it resolves to (a file or a
  // directory of the bundle); no content then.
  std::string link_target = {};
};

// islet's own limits on a worker, beyond Node's resourceLimits; 0 = none.
// They can be changed while the worker runs (Runtime::SetLimits).
struct WorkerLimits {
  double cpu_ms_per_turn = 0;  // CPU for one turn (a message, timer or task)
  double cpu_ms_total = 0;     // CPU over the worker's life
  double deadline_ms = 0;      // wall clock since spawn
  // ArrayBuffer memory the worker holds (allocated by it, not yet freed);
  // past it an allocation throws a RangeError in the worker. 0 = the
  // daemon's default (RuntimeOptions.default_max_external_mb).
  double max_external_mb = 0;
  // Messages one of the worker's ports may hold unread; a post into a full
  // one throws ERR_ISLET_QUEUE_FULL in the sender. 0 = the daemon's
  // --max-port-queue, which also caps it.
  uint64_t max_port_queue = 0;
};

// What the supervisor does when a job's root worker exits (see
// RestartPolicy in control.proto for the rules).
struct RestartPolicy {
  enum class Mode { kNever, kOnFailure, kAlways };
  Mode mode = Mode::kNever;
  uint32_t max_restarts = 5;  // within window_seconds; one more failure gives up
  double window_seconds = 60;
  double backoff_initial_ms = 100;
  double backoff_max_ms = 30000;
};

struct SpawnSpec {
  std::string main;  // entry file; must name one of `files`
  // Absolute directory the bundle came from on the client. Only used to make
  // __filename and stack traces read as they would under Node; never opened.
  std::string root;
  // process.cwd(): `root` or an absolute directory under it; empty = root.
  std::string cwd;
  std::vector<BundleFile> files;
  std::vector<std::string> argv;  // process.argv.slice(2)
  std::vector<std::pair<std::string, std::string>> env;
  std::string name;
  // Heap cap of the job's root worker (Node's maxOldGenerationSizeMb);
  // 0 = RuntimeOptions.default_max_old_generation_mb.
  double max_old_generation_mb = 0;
  // Node's maxYoungGenerationSizeMb and codeRangeSizeMb; 0 = V8's default.
  double max_young_generation_mb = 0;
  double code_range_mb = 0;
  WorkerLimits limits;
  RestartPolicy restart;
  // Resurrection after a daemon restart: the id the worker had (used if
  // free; 0 = a new one) and the restarts it had been through.
  WorkerId worker_id = 0;
  uint32_t restarts = 0;
};

enum class WorkerState {
  kStarting,
  kRunning,
  kIdle,
  kBlocked,
  kTerminating,
  kExited,
  kRestarting,  // supervised: waiting out the backoff before starting again
  kFailed,      // supervised: given up after too many restarts
};

// Why a worker ended. The wire and the CLI carry ExitReasonName's string.
enum class ExitReason : uint8_t {
  kExited,         // the event loop ran dry, or process.exit()
  kError,          // an uncaught exception or unhandled rejection
  kTerminated,     // worker.terminate(), islet kill, or the daemon shutting down
  kOutOfMemory,    // the heap cap (resourceLimits, --max-heap-mb)
  kCpuLimit,       // WorkerLimits::cpu_ms_per_turn or cpu_ms_total
  kDeadline,       // WorkerLimits::deadline_ms
  kStartupFailed,  // no isolate could be made, or the bootstrap failed
};

constexpr std::string_view ExitReasonName(ExitReason reason) {
  switch (reason) {
    case ExitReason::kExited:
      return "exited";
    case ExitReason::kError:
      return "error";
    case ExitReason::kTerminated:
      return "terminated";
    case ExitReason::kOutOfMemory:
      return "out-of-memory";
    case ExitReason::kCpuLimit:
      return "cpu-limit";
    case ExitReason::kDeadline:
      return "deadline";
    case ExitReason::kStartupFailed:
      return "startup-failed";
  }
  return "unknown";
}

struct ExitInfo {
  int exit_code = 0;
  ExitReason reason = ExitReason::kExited;
  std::string error_message;
  std::string error_stack;
};

struct WorkerInfo {
  WorkerId id = 0;
  JobId job_id = 0;
  WorkerId parent_id = 0;
  std::string name;
  std::string main;
  WorkerState state = WorkerState::kStarting;
  int64_t started_unix_ms = 0;
  double uptime_seconds = 0;
  uint64_t heap_used_bytes = 0;
  uint64_t heap_limit_bytes = 0;
  uint64_t external_memory_bytes = 0;
  // Serialized bytes of messages this worker posted that no one has read
  // yet (charged to it; isletd --max-worker-queue-bytes).
  uint64_t queued_bytes = 0;
  double cpu_seconds = 0;
  uint64_t messages_in = 0;
  uint64_t messages_out = 0;
  uint64_t mailbox_depth = 0;
  uint32_t restarts = 0;
  WorkerLimits limits;
  std::optional<ExitInfo> exit;
  // Supervised workers: the exit before the latest restart, the policy, and
  // when the next start is due (while kRestarting).
  std::optional<ExitInfo> last_exit;
  RestartPolicy restart;
  int64_t next_restart_unix_ms = 0;
  // The turn in progress: how long it has run (wall clock), 0 between
  // turns; and whether that is past the executor's long-turn threshold, so
  // that the turn has a thread of its own (docs/runtime.md, "Long turns").
  double turn_ms = 0;
  bool long_turn = false;
};

// A supervised worker as the daemon persists it: enough to start it again.
struct SupervisedSpec {
  WorkerId id = 0;
  SpawnSpec spec;  // files, argv, env, name, limits, restart policy
  uint32_t restarts = 0;
};

enum class Stream { kStdout = 1, kStderr = 2 };

struct Output {
  Stream stream;
  std::string data;
};

// A message a worker posted on its control port (require('islet').control).
struct ControlMessage {
  std::string json;
};

struct EndOfStream {};

// What a subscriber receives. For a following subscription, an ExitInfo is
// followed by EndOfStream; EndOfStream is always the last event delivered.
struct WorkerEvent {
  WorkerId worker_id;
  std::variant<Output, ExitInfo, ControlMessage, EndOfStream> body;
};

// Called on runtime threads (executors, or Subscribe's caller for the
// replay), never concurrently for one subscription and never under a lock of
// the runtime's: it may call back into Runtime. It should not block: it
// holds up the worker whose event it is.
using EventSink = std::function<void(const WorkerEvent&)>;

struct RuntimeOptions {
  int executor_threads = 0;  // 0 = number of cores
  // Compensating threads an executor may add while turns block in
  // Atomics.wait or run long; beyond them, ready workers wait in the queue.
  int max_blocked_threads = 256;
  // A turn that has computed this long (CPU time) gets its thread to itself
  // and the executor adds a thread for everyone else (0 = never). Niceness
  // added to such threads while long turns fill every core (0 = none).
  int long_turn_us = 5000;
  int long_turn_nice = 10;
  // Isolates kept prepared (context + environment) so spawns skip creating
  // them; refilled in the background.
  size_t warm_isolates = 8;
  // Prepare isolates from the environment snapshot once there is one
  // (runtime/worker/snapshot.h): a heap image instead of running the
  // environment's JS in each. Off only to rule the snapshot out.
  bool environment_snapshot = true;
  // Once this many workers are alive, compact each isolate prepared by
  // running the bootstrap (without the snapshot: before there is one, or
  // with it off) with a memory-reducing GC before a worker gets it: about
  // 0.12 MB less per idle worker, for ~2 ms more CPU per prepared isolate.
  // An isolate from the snapshot has no bootstrap garbage to free.
  // 0 = always, SIZE_MAX = never.
  size_t compact_isolates_above = 1000;
  // One job's files: their total size, and how many (links included).
  size_t max_bundle_bytes = 256u << 20;
  size_t max_bundle_files = 50000;
  size_t output_buffer_bytes = 256u << 10;  // replayed to late subscribers
  size_t max_exited_records = 1000;         // exited workers kept for ps/inspect
  // Every worker's old-generation heap is capped (this, unless its
  // resourceLimits say otherwise): reaching it ends that worker with
  // ERR_WORKER_OUT_OF_MEMORY, never the daemon.
  double default_max_old_generation_mb = 1024;
  // Live workers in the daemon, and workers one job has spawned (its root
  // not counted); spawning past either is refused. max_workers 0: as many
  // idle workers as half the machine's memory holds (~1.2 MiB each).
  size_t max_workers = 0;
  size_t max_workers_per_job = 10000;  // besides the job's root
  // Messages one port may hold unread. A postMessage into a full port throws
  // a RangeError (code ERR_ISLET_QUEUE_FULL) in the sender and sends
  // nothing: a flood cannot grow the daemon without bound.
  size_t max_port_queue = 1000000;
  // Serialized bytes one port may hold unread (the same error; a message to
  // an empty port is always taken): a worker cannot make the daemon hold
  // gigabytes of messages nobody reads.
  size_t max_port_queue_bytes = 64u << 20;
  // Serialized bytes one worker may have posted and not yet had read, over
  // all the ports it posts to (the same error, in the sender): a worker
  // cannot get round the per-port bound by opening many channels. These
  // bytes are also charged to the daemon-wide off-heap budget
  // (max_external_mb_total), with ArrayBuffer memory.
  size_t max_worker_queue_bytes = 256u << 20;
  // Named shared-memory segments (docs/shm.md): bytes mapped at once
  // (deleted segments still held by workers included) and named segments.
  uint64_t shm_max_bytes = 1ull << 30;
  uint64_t shm_max_segments = 1024;
  // A worker's shared(name) is its job's segment; shared(name, size,
  // {scope: 'daemon'}) reaches the daemon-wide one, shared by every job,
  // only if this is set (isletd --shm-daemon-wide). docs/shm.md.
  bool shm_daemon_wide = false;
  // ArrayBuffer memory: per worker unless its limits say otherwise, and in
  // all workers together. An allocation past either throws a RangeError in
  // the worker that asked.
  double default_max_external_mb = 4096;
  double max_external_mb_total = 0;  // 0 = half the machine's memory
  // Scripts may require('islet:internal/binding') (isletd --expose-internals):
  // for islet's own tests and debugging, never with untrusted code.
  bool expose_internals = false;
  // Called (on any thread, never under a runtime lock) when the set of
  // supervised workers changed: one was spawned, killed or given up.
  std::function<void()> on_supervised_changed;
};

// A named shared-memory segment (require('islet').shared, `islet shm`).
struct ShmSegmentInfo {
  std::string name;
  uint64_t size = 0;
  // Workers holding a SharedArrayBuffer they made with shared(name).
  uint32_t attached_workers = 0;
  int64_t created_unix_ms = 0;
  WorkerId creator = 0;  // 0: created through the control API
  std::string path;      // where another process of the same user maps it
};

struct ShmCreateResult {
  ShmSegmentInfo segment;
  bool created = false;  // false: it existed with that size
};

struct RuntimeStats {
  uint32_t workers_alive = 0;
  uint64_t workers_spawned_total = 0;
  uint32_t executor_threads = 0;
  ExecutorStats executor;
  uint32_t warm_isolates_ready = 0;  // prepared isolates waiting in the warm pool
  // Spawned workers whose first turn has not made their isolate yet: the
  // control plane admits spawns by it (ControlService, one client cannot
  // fill the executor's queue for everyone).
  uint32_t workers_starting = 0;
};

struct SpawnResult {
  WorkerId worker_id;
  JobId job_id;
};

std::string_view WorkerStateName(WorkerState state);

}  // namespace islet::runtime
