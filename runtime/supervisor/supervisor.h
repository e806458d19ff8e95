#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/bus/broadcast_hub.h"
#include "runtime/bus/bus.h"
#include "runtime/limits/watchdog.h"
#include "runtime/runtime.h"
#include "runtime/scheduler/executor.h"
#include "runtime/scheduler/timer_service.h"
#include "runtime/shm/segment_registry.h"
#include "runtime/supervisor/restart_planner.h"
#include "runtime/supervisor/subscriber.h"
#include "runtime/worker/warm_pool.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

class Engine;

// Implements the Runtime facade: validates spawns, owns the executor, keeps a
// record per worker (captured output, subscribers, exit) that outlives the
// worker's isolate. Thread-safe: one mutex guards the records; event sinks
// and exit callbacks are called after it is released (Subscriber).
class Supervisor final : public Runtime, private WorkerHost {
 public:
  Supervisor(Engine* engine, const RuntimeOptions& options);
  ~Supervisor() override;

  Result<SpawnResult> Spawn(SpawnSpec spec, EventSink follow) override;
  std::vector<WorkerInfo> List(bool include_exited) override;
  Result<WorkerInfo> Inspect(WorkerId id) override;
  using Runtime::Terminate;
  Result<void> Terminate(WorkerId id, double grace_ms,
                         std::function<void(const ExitInfo&)> done) override;
  Result<uint64_t> Subscribe(WorkerId id, bool follow, EventSink sink) override;
  void Unsubscribe(WorkerId id, uint64_t subscription) override;
  Result<void> PostControl(WorkerId id, std::string json) override;
  Result<void> SetLimits(WorkerId id, const WorkerLimits& limits) override;
  RuntimeStats Stats() override;
  std::vector<SupervisedSpec> Supervised() override;
  void ReserveWorkerIds(WorkerId highest) override;
  void Shutdown() override;
  // Shared-memory segments (supervisor_shm.cc):
  Result<ShmCreateResult> ShmCreate(const std::string& name, uint64_t size) override;
  Result<std::vector<ShmSegmentInfo>> ShmList() override;
  Result<void> ShmDelete(const std::string& name) override;
  Result<std::string> ShmRead(const std::string& name, uint64_t offset, uint64_t length) override;
  Result<void> ShmWrite(const std::string& name, uint64_t offset, std::string_view data) override;

 private:
  // What a job's root worker is started from (again, when supervised).
  struct RootSpec {
    std::shared_ptr<const Bundle> bundle;
    std::string main;
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> env;
    std::string name;
    double max_old_generation_mb = 0;
    double max_young_generation_mb = 0;
    double code_range_mb = 0;
    WorkerLimits limits;
  };

  // A supervised worker's restart state (restart policy other than never).
  struct Supervision {
    RestartPolicy policy;
    RootSpec spec;
    RestartHistory history;
    uint64_t generation = 0;  // a restart timer acts only on its own generation
    bool restart_pending = false;
    bool stopped = false;  // terminated on request: no more restarts
    int64_t next_restart_unix_ms = 0;
  };

  struct Record {
    WorkerInfo info;                 // static fields; live ones are filled from `worker`
    std::shared_ptr<Worker> worker;  // null once exited
    std::chrono::steady_clock::time_point started;
    double final_uptime = 0;
    std::deque<Output> log;  // the last output_buffer_bytes of output
    size_t log_bytes = 0;
    std::map<uint64_t, std::shared_ptr<Subscriber>> followers;
    std::vector<std::function<void(const ExitInfo&)>> on_exit;
    WorkerId root_id = 0;                      // the job's root worker
    std::vector<WorkerId> children;            // live children, terminated with it
    std::unique_ptr<Supervision> supervision;  // null unless supervised
    bool failed = false;                       // supervised and given up
  };

  // Neither running nor due to run again.
  static bool Finished(const Record& record) {
    return !record.worker && !(record.supervision && record.supervision->restart_pending);
  }

  // WorkerHost (executor threads):
  void OnOutput(WorkerId id, Stream stream, std::string_view data) override;
  void OnExit(WorkerId id, const ExitInfo& exit) override;
  void OnControl(WorkerId id, std::string json) override;
  Result<ChildInfo> SpawnChild(Worker& parent, ChildSpec spec) override;
  bool TerminateChild(Worker& parent, WorkerId id) override;
  PortId JoinBroadcast(Worker& worker, const std::string& name) override;
  WarmPool* warm_pool() override { return warm_pool_.get(); }
  SegmentRegistry* segments() override { return segments_.get(); }
  std::shared_ptr<ExternalBudget> external_budget() override { return external_budget_; }
  bool expose_internals() const override { return options_.expose_internals; }
  std::shared_ptr<std::atomic<int64_t>> starting_counter() override { return starting_; }
  uint32_t WorkersStarting() override {
    return static_cast<uint32_t>(std::max<int64_t>(0, starting_->load(std::memory_order_relaxed)));
  }
  bool shm_daemon_wide() const override { return options_.shm_daemon_wide; }
  PrepareOptions prepare_options() const override {
    return {.snapshot = options_.environment_snapshot,
            .compact = alive_.load(std::memory_order_relaxed) >= options_.compact_isolates_above};
  }

  // Subscribers with events queued under mu_, drained once it is released.
  using Deliveries = std::vector<std::shared_ptr<Subscriber>>;
  static void Deliver(Deliveries& deliveries);

  // `limits` with the daemon's defaults for what it leaves unset.
  WorkerLimits WithDefaults(WorkerLimits limits) const;
  // What every worker's config starts from: ids and the heap limits with
  // the daemon's defaults for what `requested` leaves unset.
  WorkerConfig BaseConfig(WorkerId id, JobId job, const ResourceLimits& requested) const;

  // The record of `id`, or NOT_FOUND.
  Result<Record*> FindLocked(WorkerId id) REQUIRES(mu_);
  void AppendOutputLocked(Record& record, WorkerId id, const Output& out, Deliveries* deliveries)
      REQUIRES(mu_);
  // Creates the root worker of a new job for `record` (not started yet).
  std::shared_ptr<Worker> StartRootLocked(WorkerId id, Record& record, const RootSpec& spec)
      REQUIRES(mu_);
  // The exit is final: tell followers and waiters, keep the record for ps.
  void FinishLocked(WorkerId id, Record& record, const ExitInfo& exit,
                    std::vector<std::function<void(const ExitInfo&)>>* on_exit,
                    Deliveries* deliveries) REQUIRES(mu_);
  // Applies the restart policy to a supervised root's exit (PlanRestart);
  // the restart delay, or nullopt if the exit is final.
  std::optional<std::chrono::milliseconds> PlanRestartLocked(WorkerId id, Record& record,
                                                             const ExitInfo& exit,
                                                             Deliveries* deliveries) REQUIRES(mu_);
  void Restart(WorkerId id, uint64_t generation);
  void SupervisedChanged();

  Result<std::shared_ptr<const Bundle>> MakeBundle(SpawnSpec& spec) const;
  // The running worker `id`: NOT_FOUND, or FAILED_PRECONDITION once exited.
  Result<std::shared_ptr<Worker>> LiveWorker(WorkerId id);
  WorkerInfo Snapshot(const Record& record) const;
  void EvictExitedLocked() REQUIRES(mu_);

  // Milliseconds since the Unix epoch (wall clock), for the records.
  static int64_t UnixMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  Engine* const engine_;
  const RuntimeOptions options_;
  // Workers spawned whose isolate is not made yet (Stats().workers_starting).
  const std::shared_ptr<std::atomic<int64_t>> starting_ = std::make_shared<std::atomic<int64_t>>(0);
  std::unique_ptr<Executor> executor_;
  const std::shared_ptr<ExternalBudget> external_budget_;
  // Live workers: changed under mu_, read without it by the warm pool's
  // thread (prepare_options), so declared before warm_pool_.
  std::atomic<uint32_t> alive_{0};
  std::unique_ptr<WarmPool> warm_pool_;
  Watchdog watchdog_;
  // Restart backoffs and terminate grace periods.
  std::unique_ptr<TimerService> timers_ = std::make_unique<TimerService>();
  Bus bus_;
  // Named shared-memory segments (supervisor_shm.cc). Thread-safe itself.
  std::unique_ptr<SegmentRegistry> segments_ = std::make_unique<SegmentRegistry>(
      SegmentRegistryOptions{options_.shm_max_bytes, options_.shm_max_segments, {}});

  Mutex mu_;
  CondVar exited_cv_;
  std::map<WorkerId, Record> records_ GUARDED_BY(mu_);
  std::deque<WorkerId> exited_order_ GUARDED_BY(mu_);
  WorkerId next_worker_id_ GUARDED_BY(mu_) = 1;
  JobId next_job_id_ GUARDED_BY(mu_) = 1;
  uint64_t next_subscription_ GUARDED_BY(mu_) = 1;
  uint64_t spawned_total_ GUARDED_BY(mu_) = 0;
  std::unordered_map<JobId, uint32_t> next_thread_id_ GUARDED_BY(mu_);
  std::unordered_map<JobId, size_t> job_alive_ GUARDED_BY(mu_);
  // BroadcastChannel hubs by job and name; dropped when the job ends.
  std::map<std::pair<JobId, std::string>, std::shared_ptr<BroadcastHub>> hubs_ GUARDED_BY(mu_);
  bool shutting_down_ GUARDED_BY(mu_) = false;
  bool shut_down_ GUARDED_BY(mu_) = false;  // Shutdown finished
};

}  // namespace islet::runtime
