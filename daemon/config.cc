#include "daemon/config.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdlib>
#include <map>

namespace islet::daemon {

namespace {

// CLI::Range lets NaN through (every comparison with it is false), and
// "inf" parses: a number flag must be finite.
const CLI::Validator kFinite(
    [](std::string& text) -> std::string {
      char* end = nullptr;
      double value = std::strtod(text.c_str(), &end);
      if (end == text.c_str()) return {};  // not a number: the option's own parse says so
      return std::isfinite(value) ? std::string() : "must be a finite number, not " + text;
    },
    "FINITE");

}  // namespace

ParsedFlags ParseFlags(int argc, char** argv, const EnvLookup& env) {
  DaemonConfig config;
  std::string socket_flag;
  std::string level = "info";
  CLI::App app{"isletd: the islet supervisor daemon; runs JavaScript workers on V8 isolates.",
               "isletd"};
  app.add_option("--socket", socket_flag,
                 "Control socket path (default: $ISLET_SOCKET, else "
                 "$XDG_RUNTIME_DIR/islet/isletd.sock, else /tmp/islet-$UID/isletd.sock)");
  app.add_flag("--foreground", config.foreground,
               "Stay attached and log to stderr (for systemd); default: daemonize and log to "
               "isletd.log beside the socket");
  app.add_option("--log-level", level, "trace|debug|info|warn|error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
  app.add_option("--threads", config.threads, "Executor threads (0 = number of cores)")
      ->check(CLI::Range(0, 1024));
  app.add_option("--max-blocked-threads", config.max_blocked_threads,
                 "Extra executor threads allowed while turns block in Atomics.wait or run "
                 "long; beyond them, ready workers wait (default 256)")
      ->check(CLI::Range(0, 4096));
  app.add_option("--long-turn-us", config.long_turn_us,
                 "A turn that has computed this long (microseconds of CPU) keeps its thread "
                 "to itself and the pool adds one for everyone else (default 5000; 0 = never)")
      ->check(CLI::Range(0, 60000000));
  app.add_option("--long-turn-nice", config.long_turn_nice,
                 "Niceness added to a thread while it runs a long turn: batch work yields "
                 "to short turns (default 10; 0 = off; off by itself where the daemon may "
                 "not raise a priority back: not root, no CAP_SYS_NICE, low RLIMIT_NICE)")
      ->check(CLI::Range(0, 19));
  app.add_option("--warm-isolates", config.warm_isolates,
                 "Isolates kept prepared so spawns skip creating them (default 8)")
      ->check(CLI::Range(size_t{0}, size_t{100000}));
  app.add_option("--compact-isolates-above", config.compact_isolates_above,
                 "Once this many workers are alive, compact each new isolate prepared "
                 "without the environment snapshot: about 10% less memory per idle worker, "
                 "for ~2 ms more CPU per spawn (default 1000; 0 = always, -1 = never)")
      ->check(CLI::Range(int64_t{-1}, int64_t{100000000}));
  app.add_option("--max-heap-mb", config.max_heap_mb,
                 "Default heap cap per worker in MB; a worker reaching it ends with "
                 "ERR_WORKER_OUT_OF_MEMORY (default 1024)")
      ->check(kFinite)
      ->check(CLI::Range(8.0, 1048576.0));
  app.add_option("--max-workers", config.max_workers,
                 "Live workers allowed in the daemon (default: as many idle workers as half "
                 "the machine's memory holds, ~1.2 MiB each)")
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  app.add_option("--max-workers-per-job", config.max_workers_per_job,
                 "Live workers one job may spawn (its main worker not counted); new Worker past it "
                 "throws (default 10000)")
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  app.add_option("--max-port-queue", config.max_port_queue,
                 "Unread messages one MessagePort may hold; postMessage into a full one throws "
                 "(default 1000000)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40));
  app.add_option("--max-port-queue-bytes", config.max_port_queue_bytes,
                 "Serialized bytes of unread messages one MessagePort may hold; postMessage "
                 "past it throws (a message to an empty port is always taken); K/M/G suffixes "
                 "are powers of 1024 (default 64M)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(uint64_t{1024}, uint64_t{1} << 40));
  app.add_option("--max-worker-queue-bytes", config.max_worker_queue_bytes,
                 "Serialized bytes of messages one worker may have posted and not yet had "
                 "read, over all ports; postMessage past it throws (a worker with nothing "
                 "unread may always post one message); counted in --max-external-total-mb "
                 "too; K/M/G suffixes (default 256M)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(uint64_t{1024}, uint64_t{1} << 40));
  app.add_option("--max-frame-bytes", config.max_frame_bytes,
                 "Largest control frame accepted (default 16 MiB)")
      ->check(CLI::Range(size_t{64}, size_t{1} << 30));
  app.add_option("--max-control-buffer-bytes", config.max_control_buffer_bytes,
                 "Bytes all control connections together may hold in requests not yet whole "
                 "and responses not yet read; past it the connection holding the most is "
                 "dropped; at least twice --max-frame-bytes; K/M/G suffixes (default 256M)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(uint64_t{1} << 20, uint64_t{1} << 40));
  app.add_option("--max-bundle-bytes", config.max_bundle_bytes,
                 "Largest bundle (the sum of a job's file sizes) accepted by spawn; K/M/G "
                 "suffixes (default 256M)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(size_t{1}, size_t{1} << 34));
  app.add_option("--max-bundle-files", config.max_bundle_files,
                 "Most files (and links) one bundle may have (default 50000)")
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  app.add_option("--bundle-store-mb", config.bundle_store_mb,
                 "Memory for the bundle store, in MB: every job's files, each distinct content "
                 "once; contents no job uses are kept as a cache for the next upload and "
                 "evicted past it; at least --max-bundle-bytes (default 1024)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 24));
  app.add_option("--pid-file", config.pid_file, "Write the daemon's pid here");
  std::string state_flag;
  app.add_option("--state-dir", state_flag,
                 "Directory of the state file (isletd.state) that records supervised workers "
                 "so a restarted daemon starts them again (default: $ISLET_STATE_DIR, else the "
                 "socket's directory)");
  app.add_option("--max-external-mb", config.max_external_mb,
                 "ArrayBuffer memory one worker may hold, in MB; past it allocations throw a "
                 "RangeError in the worker (default 4096)")
      ->check(kFinite)
      ->check(CLI::Range(1.0, 1048576.0 * 64));
  app.add_option("--max-external-total-mb", config.max_external_total_mb,
                 "ArrayBuffer memory all workers together may hold, in MB (default: half the "
                 "machine's memory)")
      ->check(kFinite)
      ->check(CLI::Range(0.0, 1048576.0 * 64));
  app.add_option("--shm-max-bytes", config.shm_max_bytes,
                 "Bytes of named shared-memory segments mapped at once, deleted ones still "
                 "held by workers included; K/M/G suffixes are powers of 1024 (default 1G)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 46));
  app.add_option("--shm-max-segments", config.shm_max_segments,
                 "Named shared-memory segments allowed at once (default 1024)")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 20));

  app.add_option("--max-starting-spawns", config.max_starting_spawns,
                 "Spawns admitted while fewer workers than this are still starting; the rest "
                 "wait per client and are admitted round robin, so one client's spawn flood "
                 "cannot delay another's jobs by seconds (default 16; 0 = no limit)")
      ->check(CLI::Range(0u, 100000u));
  app.add_flag("--shm-daemon-wide", config.shm_daemon_wide,
               "Let scripts open daemon-wide shared-memory segments, which every job can "
               "read and write (shared(name, size, { scope: 'daemon' })); without it a "
               "script reaches only its own job's segments (off by default)");
  app.add_flag("--no-environment-snapshot", config.no_environment_snapshot,
               "Prepare every isolate by running the environment's JS instead of from the "
               "V8 snapshot of it made once per daemon: slower spawns, for ruling the "
               "snapshot out when diagnosing a problem");
  app.add_flag("--expose-internals", config.expose_internals,
               "Let scripts require('islet:internal/binding'), islet's internal native "
               "binding: for debugging islet itself. Unsafe with untrusted code (off by default)");

  // CLI11 reports parse errors by throwing; this is the one place we catch.
  try {
    app.parse(argc, argv);
    // One whole frame and the response to it must fit, or the bound would
    // drop a well-behaved client.
    if (config.max_control_buffer_bytes < 2 * uint64_t{config.max_frame_bytes}) {
      throw CLI::ValidationError("--max-control-buffer-bytes",
                                 std::to_string(config.max_control_buffer_bytes) +
                                     " is less than twice --max-frame-bytes (" +
                                     std::to_string(config.max_frame_bytes) + ")");
    }
    // A bundle the daemon accepts must fit in its store.
    if ((uint64_t{config.bundle_store_mb} << 20) < config.max_bundle_bytes) {
      throw CLI::ValidationError("--bundle-store-mb", std::to_string(config.bundle_store_mb) +
                                                          " MB is less than --max-bundle-bytes (" +
                                                          std::to_string(config.max_bundle_bytes) +
                                                          " bytes)");
    }
  } catch (const CLI::ParseError& e) {
    return ParsedFlags{std::nullopt, app.exit(e)};
  }
  static const std::map<std::string, spdlog::level::level_enum> kLevels = {
      {"trace", spdlog::level::trace},
      {"debug", spdlog::level::debug},
      {"info", spdlog::level::info},
      {"warn", spdlog::level::warn},
      {"error", spdlog::level::err}};
  config.log_level = kLevels.at(level);
  config.socket_path = ResolveSocketPath(socket_flag, env, getuid());
  config.state_dir = state_flag;
  if (config.state_dir.empty()) {
    if (auto dir = env("ISLET_STATE_DIR"); dir && !dir->empty()) config.state_dir = *dir;
  }
  if (config.state_dir.empty()) {
    auto slash = config.socket_path.find_last_of('/');
    config.state_dir = slash == std::string::npos ? "."
                       : slash == 0               ? "/"
                                                  : config.socket_path.substr(0, slash);
  }
  return ParsedFlags{std::move(config), 0};
}

}  // namespace islet::daemon
