#pragma once

#include <spdlog/common.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "proto/socket_path.h"

namespace islet::daemon {

// isletd's settings, from its command line (see ParseFlags).
struct DaemonConfig {
  std::string socket_path;  // resolved; never empty after ParseFlags
  bool foreground = false;
  spdlog::level::level_enum log_level = spdlog::level::info;
  int threads = 0;                        // executor threads; 0 = number of cores
  int max_blocked_threads = 256;          // compensating threads while turns block or run long
  int long_turn_us = 5000;                // a turn this long gets a thread of its own
  int long_turn_nice = 10;                // niceness added to a thread in a long turn
  size_t warm_isolates = 8;               // isolates prepared ahead of spawns
  int64_t compact_isolates_above = 1000;  // live workers; 0 = always, -1 = never
  double max_heap_mb = 1024;              // default old-generation cap per worker
  size_t max_workers = 0;                 // live workers in the daemon; 0 = what half the RAM holds
  size_t max_workers_per_job = 10000;     // live workers one job spawned
  size_t max_port_queue = 1000000;        // unread messages one port may hold
  uint64_t max_port_queue_bytes = 64u << 20;     // unread serialized bytes one port may hold
  uint64_t max_worker_queue_bytes = 256u << 20;  // and one worker may have posted, all ports
  size_t max_frame_bytes = 16u << 20;
  // What all control connections together may hold in unfinished requests
  // and unread responses.
  uint64_t max_control_buffer_bytes = 256u << 20;
  size_t max_bundle_bytes = 256u << 20;  // one job's files
  size_t max_bundle_files = 50000;
  size_t bundle_store_mb = 1024;  // all bundles' distinct contents (BundleStore)
  std::string pid_file;           // empty = none
  // Where the state file of supervised workers lives (isletd.state);
  // resolved: never empty after ParseFlags.
  std::string state_dir;
  double max_external_mb = 4096;        // ArrayBuffer memory per worker
  double max_external_total_mb = 0;     // in all workers; 0 = half the RAM
  uint64_t shm_max_bytes = 1ull << 30;  // shared-memory segments (docs/shm.md)
  uint64_t shm_max_segments = 1024;
  bool shm_daemon_wide = false;       // scripts may open daemon-wide segments
  uint32_t max_starting_spawns = 16;  // spawn admission (ServiceOptions)
  // Scripts may require('islet:internal/binding'): for debugging islet
  // itself and for its tests; never on a daemon that runs others' code.
  bool expose_internals = false;
  bool no_environment_snapshot = false;
};

// The control socket path, resolved as clients resolve it.
using proto::EnvLookup;
using proto::GetEnv;
using proto::ResolveSocketPath;

// What ParseFlags decided: run with a config, or exit at once with a code
// (after --help, or a usage error already printed to stderr).
struct ParsedFlags {
  std::optional<DaemonConfig> config;
  int exit_code = 0;
};

// Parses isletd's command line. Prints help and usage errors itself.
ParsedFlags ParseFlags(int argc, char** argv, const EnvLookup& env);

}  // namespace islet::daemon
