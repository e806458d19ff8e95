#include "runtime/supervisor/supervisor.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "runtime/base/log.h"
#include "runtime/engine/engine.h"
#include "runtime/supervisor/request_checks.h"

namespace islet::runtime {

std::string_view WorkerStateName(WorkerState state) {
  switch (state) {
    case WorkerState::kStarting:
      return "starting";
    case WorkerState::kRunning:
      return "running";
    case WorkerState::kIdle:
      return "idle";
    case WorkerState::kBlocked:
      return "blocked";
    case WorkerState::kTerminating:
      return "terminating";
    case WorkerState::kExited:
      return "exited";
    case WorkerState::kRestarting:
      return "restarting";
    case WorkerState::kFailed:
      return "failed";
  }
  return "unknown";
}

Result<std::unique_ptr<Runtime>> Runtime::Create(const RuntimeOptions& options) {
  Engine& engine = Engine::Get();
  return std::unique_ptr<Runtime>(new Supervisor(&engine, options));
}

namespace {

// Each live isolate holds about 18 memory mappings here; past the kernel's
// vm.max_map_count V8 cannot map memory and aborts the whole process. So the
// worker limit is capped to what the map budget allows.
constexpr size_t kMappingsPerWorker = 20;
constexpr size_t kMappingsReserved = 10000;

size_t MaxWorkersForMapCount(size_t configured) {
  std::FILE* f = std::fopen("/proc/sys/vm/max_map_count", "r");
  if (f == nullptr) return configured;
  unsigned long max_map_count = 0;
  int n = std::fscanf(f, "%lu", &max_map_count);
  std::fclose(f);
  if (n != 1 || max_map_count <= kMappingsReserved) return configured;
  size_t allowed = (max_map_count - kMappingsReserved) / kMappingsPerWorker;
  if (allowed < configured) {
    Logger("supervisor")
        ->warn(
            "vm.max_map_count is {}: at most {} live workers (of --max-workers {}); raise it with "
            "'sysctl -w vm.max_map_count=1048576' for more",
            max_map_count, allowed, configured);
    return allowed;
  }
  return configured;
}

// What an idle worker costs (tools/bench idle_workers: 1.12 MiB), rounded up.
constexpr uint64_t kIdleWorkerBytes = 1200u << 10;

// The default worker limit: as many idle workers as half the machine's
// memory holds, so that the default configuration cannot run the machine
// out of memory with workers alone (20,000 would take ~22 GiB).
size_t MaxWorkersForMemory() {
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 1000;
  uint64_t half = static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size) / 2;
  size_t workers = std::max<size_t>(100, half / kIdleWorkerBytes);
  Logger("supervisor")
      ->info(
          "at most {} live workers: half of this machine's {} MiB at ~{} KiB per idle worker "
          "(isletd --max-workers to change)",
          workers, half * 2 >> 20, kIdleWorkerBytes >> 10);
  return workers;
}

RuntimeOptions WithMapBudget(RuntimeOptions options) {
  if (options.max_workers == 0) options.max_workers = MaxWorkersForMemory();
  options.max_workers = MaxWorkersForMapCount(options.max_workers);
  return options;
}

// The cap on ArrayBuffer memory in all workers: as configured, else half the
// machine's memory.
uint64_t ExternalCapBytes(double configured_mb) {
  if (configured_mb > 0) return static_cast<uint64_t>(configured_mb * 1024 * 1024);
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size) / 2;
}

}  // namespace

Supervisor::Supervisor(Engine* engine, const RuntimeOptions& options)
    : engine_(engine),
      options_(WithMapBudget(options)),
      executor_(std::make_unique<Executor>(
          ExecutorOptions{.threads = options.executor_threads,
                          .max_blocked_threads = options.max_blocked_threads,
                          .long_turn_microseconds = options.long_turn_us,
                          .long_turn_nice = options.long_turn_nice})),
      external_budget_(std::make_shared<ExternalBudget>(
          ExternalCapBytes(options.max_external_mb_total), std::make_shared<MemoryTrimmer>())),
      warm_pool_(std::make_unique<WarmPool>(
          engine, options.warm_isolates,
          ResourceLimits{.max_old_generation_mb = options.default_max_old_generation_mb},
          external_budget_, [this] { return prepare_options(); })) {
  bus_.set_queue_limit(options_.max_port_queue);
  bus_.set_queue_bytes_limit(options_.max_port_queue_bytes);
  bus_.set_sender_bytes_limit(options_.max_worker_queue_bytes);
  Logger("sched")->info(
      "executor started with {} threads; {} warm isolates; long turns past {} us get a thread of "
      "their own (at most {} such threads), niced by {}",
      executor_->threads(), options.warm_isolates, executor_->long_turn_threshold().count(),
      options.max_blocked_threads, executor_->long_turn_nice());
  if (options.long_turn_nice > 0 && executor_->long_turn_nice() == 0 &&
      executor_->long_turn_threshold().count() > 0) {
    Logger("sched")->warn(
        "long turns run at normal priority: this process could not raise a thread's priority "
        "back after lowering it (run as root, or grant CAP_SYS_NICE or LimitNICE=-20 under "
        "systemd)");
  }
}

Supervisor::~Supervisor() { Shutdown(); }

WorkerLimits Supervisor::WithDefaults(WorkerLimits limits) const {
  if (limits.max_external_mb <= 0) limits.max_external_mb = options_.default_max_external_mb;
  return limits;
}

WorkerConfig Supervisor::BaseConfig(WorkerId id, JobId job, const ResourceLimits& requested) const {
  WorkerConfig config;
  config.id = id;
  config.job_id = job;
  config.limits = requested;
  if (config.limits.max_old_generation_mb <= 0) {
    config.limits.max_old_generation_mb = options_.default_max_old_generation_mb;
  }
  return config;
}

Result<Supervisor::Record*> Supervisor::FindLocked(WorkerId id) {
  auto it = records_.find(id);
  if (it == records_.end()) {
    return MakeError(ErrorCode::kNotFound, "no worker with id " + std::to_string(id));
  }
  return &it->second;
}

void Supervisor::Deliver(Deliveries& deliveries) {
  for (auto& subscriber : deliveries) subscriber->Drain();
  deliveries.clear();
}

Result<SpawnResult> Supervisor::Spawn(SpawnSpec spec, EventSink follow) {
  if (auto usable = CheckRestartPolicy(spec.restart); !usable)
    return std::unexpected(usable.error());
  auto bundle = MakeBundle(spec);
  if (!bundle) return std::unexpected(bundle.error());
  RootSpec root{*std::move(bundle),           spec.main,          std::move(spec.argv),
                std::move(spec.env),          spec.name,          spec.max_old_generation_mb,
                spec.max_young_generation_mb, spec.code_range_mb, spec.limits};
  bool supervised = spec.restart.mode != RestartPolicy::Mode::kNever;
  std::shared_ptr<Worker> worker;
  SpawnResult result;
  {
    MutexLock lock(mu_);
    if (shutting_down_) return MakeError(ErrorCode::kUnavailable, "the daemon is shutting down");
    if (alive_ >= options_.max_workers) {
      return MakeError(ErrorCode::kResourceExhausted, "the daemon already runs its maximum of " +
                                                          std::to_string(options_.max_workers) +
                                                          " workers (--max-workers)");
    }
    // A resurrected worker keeps its id when it is free.
    WorkerId id = spec.worker_id;
    if (id == 0 || records_.contains(id)) id = next_worker_id_;
    next_worker_id_ = std::max(next_worker_id_, id + 1);
    Record& record = records_[id];
    record.info.id = id;
    record.info.name = spec.name;
    record.info.main = spec.main;
    record.info.restarts = spec.restarts;
    if (supervised) {
      record.supervision = std::make_unique<Supervision>();
      record.supervision->policy = spec.restart;
      record.supervision->spec = root;
    }
    if (follow) {
      record.followers.emplace(next_subscription_++,
                               std::make_shared<Subscriber>(std::move(follow)));
    }
    worker = StartRootLocked(id, record, root);
    result.worker_id = id;
    result.job_id = record.info.job_id;
  }
  if (worker->SetLimits(WithDefaults(root.limits))) watchdog_.Watch(worker);
  Logger("supervisor")
      ->info("worker {} (job {}) spawned: {}{}", result.worker_id, result.job_id, spec.main,
             supervised ? " (supervised)" : "");
  worker->Start();
  if (supervised) SupervisedChanged();
  return result;
}

std::shared_ptr<Worker> Supervisor::StartRootLocked(WorkerId id, Record& record,
                                                    const RootSpec& spec) {
  JobId job = next_job_id_++;
  WorkerConfig config =
      BaseConfig(id, job,
                 ResourceLimits{.max_old_generation_mb = spec.max_old_generation_mb,
                                .max_young_generation_mb = spec.max_young_generation_mb,
                                .code_range_mb = spec.code_range_mb});
  config.bundle = spec.bundle;
  config.main = spec.main;
  config.argv = spec.argv;
  config.env_store = std::make_shared<EnvStore>(spec.env);
  config.islet_limits = WithDefaults(spec.limits);
  config.env = spec.env;
  config.name = spec.name;
  config.is_main_thread = true;
  config.time_origin_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
  config.time_origin_ms =
      std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  auto worker = std::make_shared<Worker>(engine_, executor_.get(), &bus_, std::move(config),
                                         static_cast<WorkerHost*>(this));
  record.info.job_id = job;
  record.info.started_unix_ms = UnixMs();
  record.info.exit.reset();
  record.started = std::chrono::steady_clock::now();
  record.worker = worker;
  record.root_id = id;
  ++spawned_total_;
  ++alive_;
  ++job_alive_[job];
  return worker;
}

WorkerInfo Supervisor::Snapshot(const Record& record) const {
  WorkerInfo info = record.info;
  if (record.supervision) {
    info.restart = record.supervision->policy;
    info.limits = record.supervision->spec.limits;
  }
  if (record.worker) {
    info.state = record.worker->state();
    auto stats = record.worker->stats();
    info.heap_used_bytes = stats.heap_used;
    info.heap_limit_bytes = stats.heap_limit;
    info.external_memory_bytes = stats.external;
    info.queued_bytes = stats.queued_bytes;
    info.cpu_seconds = stats.cpu_seconds;
    info.messages_in = stats.messages_in;
    info.messages_out = stats.messages_out;
    info.mailbox_depth = record.worker->mailbox().size();
    info.turn_ms = stats.turn_ms;
    // By CPU, as the executor judges a turn long (a turn the OS merely
    // descheduled is not).
    info.long_turn = executor_->long_turn_threshold().count() > 0 &&
                     stats.turn_cpu_ms * 1000 >= double(executor_->long_turn_threshold().count());
    info.limits = record.worker->limits();
    info.uptime_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - record.started).count();
  } else if (record.supervision && record.supervision->restart_pending) {
    info.state = WorkerState::kRestarting;
    info.next_restart_unix_ms = record.supervision->next_restart_unix_ms;
  } else {
    info.state = record.failed ? WorkerState::kFailed : WorkerState::kExited;
    info.uptime_seconds = record.final_uptime;
  }
  return info;
}

std::vector<WorkerInfo> Supervisor::List(bool include_exited) {
  MutexLock lock(mu_);
  std::vector<WorkerInfo> out;
  for (const auto& [id, record] : records_) {
    // A given-up supervised worker stays listed until killed, so it is seen.
    if (!include_exited && Finished(record) && !record.failed) continue;
    out.push_back(Snapshot(record));
  }
  return out;
}

Result<WorkerInfo> Supervisor::Inspect(WorkerId id) {
  MutexLock lock(mu_);
  auto record = FindLocked(id);
  if (!record) return std::unexpected(record.error());
  return Snapshot(**record);
}

Result<void> Supervisor::Terminate(WorkerId id, double grace_ms,
                                   std::function<void(const ExitInfo&)> done) {
  if (auto ok = CheckGracePeriod(grace_ms); !ok) return ok;
  std::shared_ptr<Worker> worker;
  std::optional<ExitInfo> finished;  // answered at once, outside the lock
  std::vector<std::function<void(const ExitInfo&)>> on_exit;
  Deliveries deliveries;
  bool supervised_changed = false;
  {
    MutexLock lock(mu_);
    auto found = FindLocked(id);
    if (!found) return std::unexpected(found.error());
    Record& record = **found;
    if (record.supervision && !record.supervision->stopped) {
      record.supervision->stopped = true;
      supervised_changed = !record.failed;
    }
    if (record.failed) {
      // Killing a given-up worker dismisses it from `ps`; from now on it is
      // an exited record like any other.
      record.failed = false;
      exited_order_.push_back(id);
    }
    if (record.supervision && record.supervision->restart_pending) {
      // Waiting out its backoff: the restart is cancelled, and that is its end.
      record.supervision->restart_pending = false;
      ++record.supervision->generation;
      ExitInfo exit{1, ExitReason::kTerminated, "", ""};
      FinishLocked(id, record, exit, &on_exit, &deliveries);
      finished = exit;
    } else if (!record.worker) {
      finished = *record.info.exit;
    } else {
      if (done) record.on_exit.push_back(std::move(done));
      worker = record.worker;
    }
  }
  Deliver(deliveries);
  if (supervised_changed) SupervisedChanged();
  if (finished) {
    for (auto& fn : on_exit) fn(*finished);
    if (done) done(*finished);
    return {};
  }
  if (grace_ms > 0 && worker->config().parent_id == 0) {
    Logger("supervisor")
        ->info("worker {}: SIGTERM, forced in {} ms if still running", id, grace_ms);
    worker->Signal("SIGTERM");
    auto when = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double, std::milli>(grace_ms));
    timers_->RunAt(when, [weak = std::weak_ptr<Worker>(worker)] {
      if (auto w = weak.lock()) w->Terminate();
    });
    return {};
  }
  Logger("supervisor")->info("worker {}: terminate requested", id);
  worker->Terminate();
  return {};
}

Result<uint64_t> Supervisor::Subscribe(WorkerId id, bool follow, EventSink sink) {
  auto subscriber = std::make_shared<Subscriber>(std::move(sink));
  uint64_t subscription;
  {
    // The replay is queued under the lock, before any live event can be.
    MutexLock lock(mu_);
    auto found = FindLocked(id);
    if (!found) return std::unexpected(found.error());
    Record& record = **found;
    for (const Output& out : record.log) subscriber->Push(WorkerEvent{id, out});
    subscription = next_subscription_++;
    if (!follow || Finished(record)) {
      if (follow && record.info.exit) subscriber->Push(WorkerEvent{id, *record.info.exit});
      subscriber->Push(WorkerEvent{id, EndOfStream{}});
    } else {
      record.followers.emplace(subscription, subscriber);
    }
  }
  subscriber->Drain();
  return subscription;
}

void Supervisor::Unsubscribe(WorkerId id, uint64_t subscription) {
  std::shared_ptr<Subscriber> dropped;
  {
    MutexLock lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end()) return;
    auto sub = it->second.followers.find(subscription);
    if (sub == it->second.followers.end()) return;
    dropped = std::move(sub->second);
    it->second.followers.erase(sub);
  }
  dropped->Close();  // waits out a delivery in progress: the sink is not called after this
}

Result<std::shared_ptr<Worker>> Supervisor::LiveWorker(WorkerId id) {
  MutexLock lock(mu_);
  auto found = FindLocked(id);
  if (!found) return std::unexpected(found.error());
  Record& record = **found;
  if (!record.worker) {
    if (!Finished(record)) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "worker " + std::to_string(id) + " is waiting to restart");
    }
    return MakeError(ErrorCode::kFailedPrecondition,
                     "worker " + std::to_string(id) + " has exited");
  }
  return record.worker;
}

Result<void> Supervisor::SetLimits(WorkerId id, const WorkerLimits& requested) {
  auto ok = [](double v) { return v >= 0 && std::isfinite(v); };
  if (!ok(requested.cpu_ms_per_turn) || !ok(requested.cpu_ms_total) || !ok(requested.deadline_ms) ||
      !ok(requested.max_external_mb)) {
    return MakeError(ErrorCode::kInvalidArgument, "limits must be 0 (none) or positive");
  }
  WorkerLimits limits = WithDefaults(requested);
  std::shared_ptr<Worker> worker;
  bool restartable = false;
  {
    MutexLock lock(mu_);
    auto found = FindLocked(id);
    if (!found) return std::unexpected(found.error());
    Record& record = **found;
    // A supervised worker keeps its new limits across restarts (and daemon
    // restarts: the defaults are applied at each start, not stored).
    restartable = record.supervision && !record.supervision->stopped && !Finished(record);
    if (restartable) record.supervision->spec.limits = requested;
    if (!record.worker && !restartable) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "worker " + std::to_string(id) + " has exited");
    }
    worker = record.worker;
  }
  // The watchdog drops a worker once it has no limits; watch it again when
  // it gets some. (A second registration is harmless: checks are idempotent.)
  if (worker) {
    bool was_watched = worker->HasLimits();
    if (worker->SetLimits(limits) && !was_watched) watchdog_.Watch(worker);
  }
  if (restartable) SupervisedChanged();
  Logger("watchdog")
      ->info("worker {}: limits now cpu/turn {} ms, cpu {} ms, deadline {} ms, external {} MB", id,
             limits.cpu_ms_per_turn, limits.cpu_ms_total, limits.deadline_ms,
             limits.max_external_mb);
  return {};
}

Result<void> Supervisor::PostControl(WorkerId id, std::string json) {
  if (auto ok = CheckControlJson(json); !ok) return ok;
  auto live = LiveWorker(id);
  if (!live) return std::unexpected(live.error());
  std::shared_ptr<Worker> worker = *std::move(live);
  switch (worker->PostControl(std::move(json), options_.max_port_queue_bytes)) {
    case Worker::ControlPost::kQueued:
      break;
    case Worker::ControlPost::kFull:
      return MakeError(ErrorCode::kResourceExhausted,
                       "worker " + std::to_string(id) +
                           " already holds its maximum of undelivered control message bytes "
                           "(isletd --max-port-queue-bytes); the message was not sent");
    case Worker::ControlPost::kRefused:
      return MakeError(ErrorCode::kResourceExhausted,
                       "worker " + std::to_string(id) + "'s mailbox is full");
  }
  return {};
}

void Supervisor::OnControl(WorkerId id, std::string json) {
  Deliveries deliveries;
  {
    MutexLock lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end()) return;
    WorkerEvent event{id, ControlMessage{std::move(json)}};
    for (auto& [sub, subscriber] : it->second.followers) {
      subscriber->Push(event);
      deliveries.push_back(subscriber);
    }
  }
  Deliver(deliveries);
}

RuntimeStats Supervisor::Stats() {
  MutexLock lock(mu_);
  return RuntimeStats{alive_.load(),
                      spawned_total_,
                      static_cast<uint32_t>(executor_->threads()),
                      executor_->stats(),
                      warm_pool_ ? static_cast<uint32_t>(warm_pool_->ready()) : 0u,
                      WorkersStarting()};
}

void Supervisor::AppendOutputLocked(Record& record, WorkerId id, const Output& out,
                                    Deliveries* deliveries) {
  record.log_bytes += out.data.size();
  record.log.push_back(out);
  while (record.log_bytes > options_.output_buffer_bytes && record.log.size() > 1) {
    record.log_bytes -= record.log.front().data.size();
    record.log.pop_front();
  }
  WorkerEvent event{id, out};
  for (auto& [sub, subscriber] : record.followers) {
    subscriber->Push(event);
    deliveries->push_back(subscriber);
  }
}

void Supervisor::OnOutput(WorkerId id, Stream stream, std::string_view data) {
  if (data.empty()) return;
  Deliveries deliveries;
  {
    MutexLock lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end()) return;
    Output out{stream, std::string(data)};
    AppendOutputLocked(it->second, id, out, &deliveries);
    // A child's console is its job's console too, as a Node worker's stdout
    // is its process's.
    if (it->second.info.parent_id != 0) {
      auto root = records_.find(it->second.root_id);
      if (root != records_.end() && root->second.worker) {
        AppendOutputLocked(root->second, id, out, &deliveries);
      }
    }
  }
  Deliver(deliveries);
}

void Supervisor::OnExit(WorkerId id, const ExitInfo& exit) {
  segments_->ReleaseWorker(id);  // before anyone hears of the exit
  std::vector<std::function<void(const ExitInfo&)>> on_exit;
  std::vector<std::shared_ptr<Worker>> orphans;
  std::vector<std::shared_ptr<BroadcastHub>> dropped_hubs;  // destroyed unlocked
  std::shared_ptr<Worker> parent;
  std::shared_ptr<Worker> worker;  // released outside the lock
  std::optional<std::chrono::milliseconds> restart_in;
  uint64_t generation = 0;
  bool supervised_ended = false;
  Deliveries deliveries;
  {
    MutexLock lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end()) return;
    Record& record = it->second;
    record.final_uptime =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - record.started).count();
    auto stats = record.worker->stats();
    record.info.cpu_seconds = stats.cpu_seconds;
    worker = std::move(record.worker);
    // A worker's children end with it, as a Node worker's do.
    for (WorkerId child : record.children) {
      auto c = records_.find(child);
      if (c != records_.end() && c->second.worker) orphans.push_back(c->second.worker);
    }
    record.children.clear();
    parent = worker->config().parent.lock();
    JobId job = worker->config().job_id;
    if (worker->config().parent_id == 0) {
      auto first = hubs_.lower_bound({job, std::string()});
      while (first != hubs_.end() && first->first.first == job) {
        dropped_hubs.push_back(std::move(first->second));
        first = hubs_.erase(first);
      }
    }
    --alive_;
    if (--job_alive_[job] == 0) {
      job_alive_.erase(job);
      next_thread_id_.erase(job);
    }
    if (record.supervision) {
      restart_in = PlanRestartLocked(id, record, exit, &deliveries);
      generation = record.supervision->generation;
      supervised_ended = !restart_in && !shutting_down_ && !record.supervision->stopped;
    }
    if (!restart_in) FinishLocked(id, record, exit, &on_exit, &deliveries);  // may evict `record`
  }
  exited_cv_.NotifyAll();
  Deliver(deliveries);
  Logger("supervisor")
      ->info("worker {} exited: {} (code {})", id, ExitReasonName(exit.reason), exit.exit_code);
  for (auto& child : orphans) child->Terminate();
  if (parent) parent->NotifyChildExit(worker->config().thread_id, exit.exit_code);
  if (restart_in) {
    timers_->RunAt(std::chrono::steady_clock::now() + *restart_in,
                   [this, id, generation] { Restart(id, generation); });
  }
  if (supervised_ended) SupervisedChanged();
  for (auto& fn : on_exit) fn(exit);
}

void Supervisor::FinishLocked(WorkerId id, Record& record, const ExitInfo& exit,
                              std::vector<std::function<void(const ExitInfo&)>>* on_exit,
                              Deliveries* deliveries) {
  record.info.exit = exit;
  for (auto& [sub, subscriber] : record.followers) {
    subscriber->Push(WorkerEvent{id, exit});
    subscriber->Push(WorkerEvent{id, EndOfStream{}});
    deliveries->push_back(subscriber);
  }
  record.followers.clear();
  for (auto& fn : record.on_exit) on_exit->push_back(std::move(fn));
  record.on_exit.clear();
  // A given-up worker stays (listed in `ps`) until killed; Terminate
  // queues it for eviction then.
  if (record.failed) return;
  exited_order_.push_back(id);
  EvictExitedLocked();
}

void Supervisor::EvictExitedLocked() {
  while (exited_order_.size() > options_.max_exited_records) {
    records_.erase(exited_order_.front());
    exited_order_.pop_front();
  }
}

void Supervisor::Shutdown() {
  std::vector<std::shared_ptr<Worker>> alive;
  {
    MutexLock lock(mu_);
    if (shut_down_) return;  // the destructor's call after the daemon's
    shutting_down_ = true;
    for (auto& [id, record] : records_) {
      if (record.worker) alive.push_back(record.worker);
    }
  }
  for (auto& w : alive) w->Terminate();
  alive.clear();
  {
    MutexLock lock(mu_);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (alive_ > 0 && exited_cv_.WaitUntil(mu_, deadline)) {
    }
    if (alive_ > 0) {
      Logger("supervisor")
          ->error("{} workers did not exit within 10 s of terminate", alive_.load());
    }
  }
  timers_->Stop();  // pending restarts and grace periods are moot now
  if (executor_) executor_->Stop();
  // No turn runs now, so no worker reads warm_pool_; Stats may, from any
  // thread, and does so under mu_: take the pool under it, stop it outside.
  std::unique_ptr<WarmPool> pool;
  {
    MutexLock lock(mu_);
    pool = std::move(warm_pool_);
  }
  pool.reset();
  MutexLock lock(mu_);
  for (auto& [id, record] : records_) record.followers.clear();
  shut_down_ = true;
}

}  // namespace islet::runtime
