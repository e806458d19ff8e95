// Supervisor, as the WorkerHost of running workers: `new Worker()`, a
// parent ending its child, BroadcastChannel hubs.
#include "runtime/base/log.h"
#include "runtime/supervisor/supervisor.h"

namespace islet::runtime {

Result<ChildInfo> Supervisor::SpawnChild(Worker& parent, ChildSpec spec) {
  // A missing file fails inside the child, as in Node ('error' then 'exit').
  const WorkerConfig& pc = parent.config();
  std::shared_ptr<Worker> child;
  ChildInfo info;
  {
    MutexLock lock(mu_);
    if (shutting_down_) return MakeError(ErrorCode::kUnavailable, "the daemon is shutting down");
    auto parent_record = records_.find(pc.id);
    if (parent_record == records_.end()) {
      return MakeError(ErrorCode::kFailedPrecondition, "the parent worker is gone");
    }
    if (alive_ >= options_.max_workers) {
      return MakeError(ErrorCode::kResourceExhausted, "the daemon already runs its maximum of " +
                                                          std::to_string(options_.max_workers) +
                                                          " workers");
    }
    // The job's root is not counted: a job may spawn this many workers.
    if (job_alive_[pc.job_id] - 1 >= options_.max_workers_per_job) {
      return MakeError(ErrorCode::kResourceExhausted,
                       "this job already runs its maximum of " +
                           std::to_string(options_.max_workers_per_job) +
                           " workers besides its main one");
    }
    info.worker_id = next_worker_id_++;
    info.thread_id = ++next_thread_id_[pc.job_id];
    WorkerConfig config = BaseConfig(info.worker_id, pc.job_id, spec.limits);
    config.parent_id = pc.id;
    config.time_origin_ns = pc.time_origin_ns;
    config.time_origin_ms = pc.time_origin_ms;
    config.bundle = pc.bundle;
    config.main = spec.eval_code.empty() ? spec.main : "[worker eval]";
    config.eval_code = std::move(spec.eval_code);
    config.argv = std::move(spec.argv);
    if (spec.inherit_env) spec.env = pc.env_store->Snapshot();
    config.env_store = spec.share_env ? pc.env_store : std::make_shared<EnvStore>(spec.env);
    config.env = std::move(spec.env);
    config.name = spec.name;
    config.is_main_thread = false;
    config.thread_id = info.thread_id;
    config.init = std::move(spec.init);
    config.parent = std::static_pointer_cast<Worker>(parent.shared_from_this());
    // A runaway child is as bad as a runaway parent: the per-turn CPU limit
    // is inherited (total CPU and deadline are the parent's own).
    config.islet_limits.cpu_ms_per_turn = parent.limits().cpu_ms_per_turn;
    // So is its ArrayBuffer allowance (each child has its own account).
    config.islet_limits.max_external_mb = parent.limits().max_external_mb;
    config.islet_limits.max_port_queue = parent.limits().max_port_queue;
    // The channel exists before the child does; its side is adopted below.
    auto [parent_side, child_side] = bus_.CreateChannel(config.parent, {});
    bus_.Detach(child_side);
    config.parent_port = child_side;
    info.parent_port = parent_side;
    child = std::make_shared<Worker>(engine_, executor_.get(), &bus_, std::move(config),
                                     static_cast<WorkerHost*>(this));
    bus_.Adopt(child_side, std::weak_ptr<PortOwner>(child));
    Record& record = records_[info.worker_id];
    record.info.id = info.worker_id;
    record.info.job_id = pc.job_id;
    record.info.parent_id = pc.id;
    record.root_id = parent_record->second.root_id;
    record.info.name = spec.name;
    record.info.main = child->config().main;
    record.info.started_unix_ms = UnixMs();
    record.started = std::chrono::steady_clock::now();
    record.worker = child;
    parent_record->second.children.push_back(info.worker_id);
    ++spawned_total_;
    ++alive_;
    ++job_alive_[pc.job_id];
  }
  if (child->SetLimits(child->config().islet_limits)) watchdog_.Watch(child);
  // As with Node's thread start, the child begins only after the parent's
  // current run of JS: `new Worker(); w.terminate()` never lets it run.
  parent.StartAfterTurn(child);
  return info;
}

bool Supervisor::TerminateChild(Worker& parent, WorkerId id) {
  {
    MutexLock lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end()) return true;  // gone already (an exited child may be evicted)
    if (it->second.info.parent_id != parent.config().id) {
      Logger("supervisor")
          ->warn("worker {} asked to terminate worker {}, not a child of its own: refused",
                 parent.config().id, id);
      return false;
    }
  }
  (void)Terminate(id, nullptr);
  return true;
}

PortId Supervisor::JoinBroadcast(Worker& worker, const std::string& name) {
  std::shared_ptr<BroadcastHub> hub;
  {
    MutexLock lock(mu_);
    auto& slot = hubs_[{worker.config().job_id, name}];
    if (!slot) slot = std::make_shared<BroadcastHub>(&bus_);
    hub = slot;
  }
  auto self = std::static_pointer_cast<Worker>(worker.shared_from_this());
  return hub->Join(std::weak_ptr<PortOwner>(self));
}

}  // namespace islet::runtime
