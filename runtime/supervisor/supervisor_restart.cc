// Supervisor: restarts of supervised workers and what the state file keeps
// of them.
#include <algorithm>
#include <cmath>

#include "runtime/base/log.h"
#include "runtime/supervisor/supervisor.h"

namespace islet::runtime {

std::optional<std::chrono::milliseconds> Supervisor::PlanRestartLocked(WorkerId id, Record& record,
                                                                       const ExitInfo& exit,
                                                                       Deliveries* deliveries) {
  Supervision& s = *record.supervision;
  if (shutting_down_ || s.stopped) return std::nullopt;
  RestartDecision decision =
      PlanRestart(s.policy, s.history, exit, record.final_uptime, std::chrono::steady_clock::now());
  Output notice{Stream::kStderr,
                "[islet] worker " + std::to_string(id) + " " + decision.notice + "\n"};
  switch (decision.kind) {
    case RestartDecision::Kind::kFinal:
      Logger("supervisor")->info("worker {} exited cleanly: not restarted (policy on-failure)", id);
      return std::nullopt;
    case RestartDecision::Kind::kGiveUp:
      s.history = std::move(decision.history);
      record.failed = true;
      Logger("supervisor")->error("worker {} {}", id, decision.notice);
      AppendOutputLocked(record, id, notice, deliveries);
      return std::nullopt;
    case RestartDecision::Kind::kRestart:
      break;
  }
  s.history = std::move(decision.history);
  s.restart_pending = true;
  ++s.generation;
  s.next_restart_unix_ms = UnixMs() + decision.delay.count();
  record.info.last_exit = exit;
  Logger("supervisor")->warn("worker {} {}", id, decision.notice);
  AppendOutputLocked(record, id, notice, deliveries);
  return decision.delay;
}

void Supervisor::Restart(WorkerId id, uint64_t generation) {
  std::shared_ptr<Worker> worker;
  bool watch = false;
  uint32_t restarts = 0;
  {
    MutexLock lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end() || !it->second.supervision) return;
    Record& record = it->second;
    Supervision& s = *record.supervision;
    if (s.generation != generation || !s.restart_pending || s.stopped || shutting_down_) return;
    if (alive_ >= options_.max_workers) {
      // Not a failure of the worker: try again once there is room.
      Logger("supervisor")
          ->warn(
              "worker {}: restart postponed, the daemon runs its maximum of {} "
              "workers",
              id, options_.max_workers);
      timers_->RunAt(std::chrono::steady_clock::now() + std::chrono::seconds(1),
                     [this, id, generation] { Restart(id, generation); });
      return;
    }
    s.restart_pending = false;
    s.next_restart_unix_ms = 0;
    restarts = ++record.info.restarts;
    worker = StartRootLocked(id, record, s.spec);
    // Under the lock: a concurrent SetLimits then applies after these.
    watch = worker->SetLimits(WithDefaults(s.spec.limits));
  }
  if (watch) watchdog_.Watch(worker);
  Logger("supervisor")
      ->info("worker {} restarted (restart {}, job {})", id, restarts, worker->config().job_id);
  worker->Start();
  SupervisedChanged();  // the state file keeps the restart count
}

void Supervisor::ReserveWorkerIds(WorkerId highest) {
  MutexLock lock(mu_);
  next_worker_id_ = std::max(next_worker_id_, highest + 1);
}

void Supervisor::SupervisedChanged() {
  if (options_.on_supervised_changed) options_.on_supervised_changed();
}

std::vector<SupervisedSpec> Supervisor::Supervised() {
  // Under the lock only what is cheap to copy (the bundle is shared); the
  // files are copied out after, so executor threads are not held up.
  struct Entry {
    WorkerId id;
    uint32_t restarts;
    RootSpec spec;
    RestartPolicy policy;
  };
  std::vector<Entry> entries;
  {
    MutexLock lock(mu_);
    for (const auto& [id, record] : records_) {
      if (!record.supervision || record.supervision->stopped || Finished(record)) continue;
      entries.push_back(
          {id, record.info.restarts, record.supervision->spec, record.supervision->policy});
    }
  }
  std::vector<SupervisedSpec> out;
  out.reserve(entries.size());
  for (Entry& e : entries) {
    SupervisedSpec& entry = out.emplace_back();
    entry.id = e.id;
    entry.restarts = e.restarts;
    SpawnSpec& spec = entry.spec;
    spec.main = std::move(e.spec.main);
    spec.root = e.spec.bundle->root;
    spec.cwd = e.spec.bundle->cwd;
    for (const auto& [name, content] : e.spec.bundle->files) {
      BundleFile& file = spec.files.emplace_back();
      file.name = name;
      file.shared = content;
    }
    for (const auto& [name, target] : e.spec.bundle->links) {
      BundleFile& file = spec.files.emplace_back();
      file.name = name;
      file.link_target = target;
    }
    std::sort(spec.files.begin(), spec.files.end(),
              [](const BundleFile& a, const BundleFile& b) { return a.name < b.name; });
    spec.argv = std::move(e.spec.argv);
    spec.env = std::move(e.spec.env);
    spec.name = std::move(e.spec.name);
    spec.max_old_generation_mb = e.spec.max_old_generation_mb;
    spec.max_young_generation_mb = e.spec.max_young_generation_mb;
    spec.code_range_mb = e.spec.code_range_mb;
    spec.limits = e.spec.limits;
    spec.restart = e.policy;
  }
  return out;
}

}  // namespace islet::runtime
