// isletd: the islet supervisor daemon. See docs/daemon.md.

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <optional>

#include "daemon/bundle_store.h"
#include "daemon/config.h"
#include "daemon/daemonize.h"
#include "daemon/listener.h"
#include "daemon/server.h"
#include "daemon/state_file.h"
#include "runtime/base/log.h"
#include "runtime/runtime.h"
#include "runtime/version.h"

namespace islet::daemon {
namespace {

std::string Absolute(const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  char cwd[4096];
  if (getcwd(cwd, sizeof(cwd)) == nullptr) return path;
  return std::string(cwd) + "/" + path;
}

std::string DirectoryOf(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Start-up failures go to the waiting parent and the log file (background),
// or plainly to stderr (foreground).
int Fail(Daemonizer* daemonizer, const std::string& message) {
  if (daemonizer != nullptr) {
    Logger("daemon")->error("{}", message);
    daemonizer->ReportFailure(message);
  } else {
    std::fprintf(stderr, "isletd: %s\n", message.c_str());
  }
  return 1;
}

// SIGINT/SIGTERM stay blocked from start-up until the server's signal_set is
// registered: the socket accepts before that, and a signal in that window
// must still shut down gracefully. Threads started meanwhile (the runtime's)
// inherit the mask, so these signals only ever reach the control thread.
void SetShutdownSignalsBlocked(bool blocked) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, nullptr);
}

// The state file is named after the socket (isletd.sock -> isletd.state), so
// daemons on different sockets in one directory keep different files.
std::string StateFileName(const std::string& socket_path) {
  std::string name = socket_path.substr(socket_path.find_last_of('/') + 1);
  if (name.size() > 5 && name.ends_with(".sock")) name.resize(name.size() - 5);
  return name + ".state";
}

// Starts the supervised workers the state file recorded (pm2's resurrect).
// A corrupt file is set aside and reported, never fatal.
void Resurrect(StateKeeper& state, runtime::Runtime& runtime, const DaemonConfig& config,
               ServiceOptions* service) {
  LoadedState loaded = LoadStateFile(state.path());
  if (!loaded.problem.empty()) {
    service->state_problem = loaded.problem;
    Logger("daemon")->error("state file: {}; no workers resurrected{}", loaded.problem,
                            loaded.set_aside.empty() ? "" : " (kept as " + loaded.set_aside + ")");
    if (loaded.set_aside.empty()) {
      // Unreadable (permissions?) or not movable: leave it for a human, and
      // never overwrite it, so what it records is not lost.
      state.Stop("the state file is unusable (" + loaded.problem + ")");
      service->state_problem += "; supervised workers are not recorded until it is fixed";
      return;
    }
  }
  BundleLimits limits;
  limits.max_bytes = config.max_bundle_bytes;
  limits.max_files = config.max_bundle_files;
  // The recorded ids first, so that no worker started meanwhile (a
  // resurrected one's child) takes the id of one not yet resurrected.
  runtime::WorkerId highest = 0;
  for (const v1::SupervisedWorker& entry : loaded.state.workers()) {
    highest = std::max<runtime::WorkerId>(highest, entry.worker_id());
  }
  runtime.ReserveWorkerIds(highest);
  for (v1::SupervisedWorker& entry : *loaded.state.mutable_workers()) {
    std::string main = entry.spawn().bundle().main();
    v1::SupervisedWorker original = entry;  // ToSpawnSpec moves the bundle out
    auto spec = ToSpawnSpec(entry.mutable_spawn(), limits, service->bundle_store.get());
    if (spec && spec->restart.mode == runtime::RestartPolicy::Mode::kNever) {
      spec = std::unexpected(
          runtime::Error{runtime::ErrorCode::kInvalidArgument, "it has no restart policy"});
    }
    auto keep = [&](const runtime::Error& error) {
      Logger("daemon")->error("state file: worker {} ({}) not resurrected, kept in the file: {}",
                              entry.worker_id(), main, error.message);
      state.KeepUnresurrected(std::move(original));
    };
    if (!spec) {
      keep(spec.error());
      continue;
    }
    spec->worker_id = entry.worker_id();
    spec->restarts = entry.restarts();
    auto spawned = runtime.Spawn(std::move(*spec), nullptr);
    if (!spawned) {
      keep(spawned.error());
      continue;
    }
    ++service->workers_resurrected;
    Logger("daemon")->info("resurrected worker {} ({}) as worker {}", entry.worker_id(), main,
                           spawned->worker_id);
  }
  (void)state.Save();  // what runs now, whatever the file held (logged on failure)
}

int Serve(const DaemonConfig& config, Daemonizer* daemonizer) {
  asio::io_context io(1);
  auto listener = UnixListener::Open(io, config.socket_path);
  if (!listener) return Fail(daemonizer, listener.error());

  runtime::RuntimeOptions options;
  options.executor_threads = config.threads;
  options.max_blocked_threads = config.max_blocked_threads;
  options.long_turn_us = config.long_turn_us;
  options.long_turn_nice = config.long_turn_nice;
  options.warm_isolates = config.warm_isolates;
  options.compact_isolates_above = config.compact_isolates_above < 0
                                       ? SIZE_MAX
                                       : static_cast<size_t>(config.compact_isolates_above);
  options.default_max_old_generation_mb = config.max_heap_mb;
  options.max_workers = config.max_workers;
  options.max_workers_per_job = config.max_workers_per_job;
  options.max_port_queue = config.max_port_queue;
  options.max_port_queue_bytes = config.max_port_queue_bytes;
  options.max_worker_queue_bytes = config.max_worker_queue_bytes;
  options.max_bundle_bytes = config.max_bundle_bytes;
  options.max_bundle_files = config.max_bundle_files;
  options.shm_max_bytes = config.shm_max_bytes;
  options.shm_max_segments = config.shm_max_segments;
  options.default_max_external_mb = config.max_external_mb;
  options.max_external_mb_total = config.max_external_total_mb;
  options.expose_internals = config.expose_internals;
  options.environment_snapshot = !config.no_environment_snapshot;
  options.shm_daemon_wide = config.shm_daemon_wide;
  if (config.expose_internals) {
    Logger("daemon")->warn(
        "--expose-internals: every script can reach islet's internal binding; do not run "
        "untrusted code on this daemon");
  }

  if (auto ok = EnsurePrivateDirectory(config.state_dir); !ok) return Fail(daemonizer, ok.error());
  StateKeeper state(config.state_dir + "/" + StateFileName(config.socket_path),
                    [&io](std::function<void()> fn) { asio::post(io, std::move(fn)); });
  if (int removed = RemoveStaleTemporaries(state.path()); removed > 0) {
    Logger("daemon")->info("removed {} temporary state file(s) left by an earlier crash", removed);
  }
  options.on_supervised_changed = [&state] { state.Changed(); };
  auto runtime = runtime::Runtime::Create(options);
  if (!runtime) return Fail(daemonizer, "cannot start the runtime: " + runtime.error().message);
  state.set_runtime(runtime->get());
  ServiceOptions service;
  service.bundle_store = std::make_shared<BundleStore>(size_t{config.bundle_store_mb} << 20);
  Resurrect(state, **runtime, config, &service);

  if (!config.pid_file.empty()) {
    std::ofstream pid_file(config.pid_file, std::ios::trunc);
    pid_file << getpid() << "\n";
    if (!pid_file) return Fail(daemonizer, "cannot write pid file " + config.pid_file);
  }

  service.socket_path = config.socket_path;
  service.state_path = state.path();
  service.on_shutdown = [&state] { state.Stop("the daemon is shutting down", /*flush=*/true); };
  service.sync_state = [&state](ServiceOptions::Durable done) { state.Sync(std::move(done)); };
  state.Start();
  service.max_frame_bytes = config.max_frame_bytes;
  service.max_control_buffer_bytes = config.max_control_buffer_bytes;
  service.max_starting_spawns = config.max_starting_spawns;
  service.bundle_limits.max_bytes = config.max_bundle_bytes;
  service.bundle_limits.max_files = config.max_bundle_files;
  {
    Server server(io, std::move(*listener), **runtime, std::move(service));
    server.Start();
    SetShutdownSignalsBlocked(false);  // a signal that came early is handled now
    Logger("daemon")->info("isletd {} listening on {} (pid {}, {} executor threads)", kVersion,
                           config.socket_path, getpid(), (*runtime)->Stats().executor_threads);
    if (daemonizer != nullptr) daemonizer->ReportReady();
    io.run();
  }
  // The server's io_context stops only after Shutdown, so the runtime is idle.
  if (!config.pid_file.empty()) unlink(config.pid_file.c_str());
  return 0;
}

int Main(int argc, char** argv) {
  ParsedFlags parsed = ParseFlags(argc, argv, GetEnv);
  if (!parsed.config) return parsed.exit_code;
  DaemonConfig config = std::move(*parsed.config);
  config.socket_path = Absolute(config.socket_path);
  if (!config.pid_file.empty()) config.pid_file = Absolute(config.pid_file);
  config.state_dir = Absolute(config.state_dir);
  SetLogLevel(config.log_level);
  std::signal(SIGPIPE, SIG_IGN);
  SetShutdownSignalsBlocked(true);
  // Blocks of 256 KiB and more (a big message, a control connection's
  // buffer) are mapped on their own and unmapped when freed. By default
  // glibc raises that threshold after each such free, up to 32 MiB, and
  // then keeps what a flood allocated for good.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);

  std::optional<Daemonizer> daemonizer;
  if (!config.foreground) {
    // Checked before forking so the common mistakes fail fast and plainly;
    // UnixListener::Open checks again, race-free, in the child.
    std::string dir = DirectoryOf(config.socket_path);
    if (auto ok = EnsurePrivateDirectory(dir); !ok) {
      std::fprintf(stderr, "isletd: %s\n", ok.error().c_str());
      return 1;
    }
    if (SocketAnswers(config.socket_path)) {
      std::fprintf(stderr, "isletd: another daemon is already listening on %s\n",
                   config.socket_path.c_str());
      return 1;
    }
    auto forked = Daemonizer::Fork(dir + "/isletd.log");
    if (!forked) {
      std::fprintf(stderr, "isletd: %s\n", forked.error().c_str());
      return 1;
    }
    daemonizer.emplace(std::move(*forked));
  }
  return Serve(config, daemonizer ? &*daemonizer : nullptr);
}

}  // namespace
}  // namespace islet::daemon

int main(int argc, char** argv) { return islet::daemon::Main(argc, argv); }
