#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client/environment.h"

// The islet CLI's commands. Each returns the process exit code and writes
// errors to stderr as "islet: <message>".
namespace islet::client {

// Exit codes (besides `run`, which exits with the worker's code).
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;     // the daemon reported an error, or a local one
inline constexpr int kExitNoDaemon = 2;  // nothing listens on the socket
inline constexpr int kExitUsage = 64;    // bad command line (EX_USAGE)
inline constexpr int kExitInterrupted = 130;

// What `run` and `spawn` pass besides the bundle.
struct LimitOptions {
  double cpu_ms_per_turn = 0;
  double cpu_ms_total = 0;
  double deadline_ms = 0;
  double max_external_mb = 0;
  uint64_t max_port_queue = 0;
};

struct SpawnOptions {
  // The project root to upload (--root); empty: decided from FILE
  // (client/bundle.h, ProjectRoot).
  std::string root;
  LimitOptions limits;
  // The worker's environment: nothing unless asked for (--env, --env-file,
  // --inherit-env).
  EnvOptions env;
  double max_heap_mb = 0;
  // Supervision (spawn only): "never", "on-failure" or "always"; zeros take
  // the daemon's defaults.
  std::string restart = "never";
  uint32_t max_restarts = 0;
  double restart_window_s = 0;
  double backoff_ms = 0;
  double backoff_max_ms = 0;
};

int RunCommand(const std::string& socket_path, const std::string& file,
               const std::vector<std::string>& args, const SpawnOptions& options);
int SpawnCommand(const std::string& socket_path, const std::string& file,
                 const std::vector<std::string>& args, const SpawnOptions& options);
// islet limit ID ...: replaces a live worker's limits.
int LimitCommand(const std::string& socket_path, uint64_t worker_id, const LimitOptions& limits);
int PsCommand(const std::string& socket_path, bool json, bool all);
int InspectCommand(const std::string& socket_path, uint64_t worker_id, bool json);
// islet kill ID: SIGTERM to a worker listening for it, forced after
// `grace_ms`; at once otherwise. Prints how it exited.
int KillCommand(const std::string& socket_path, uint64_t worker_id, double grace_ms);
int LogsCommand(const std::string& socket_path, uint64_t worker_id, bool follow);
// islet post ID JSON: delivers JSON to the worker's control port.
int PostCommand(const std::string& socket_path, uint64_t worker_id, const std::string& json);
// islet attach ID: follows the worker; stdin lines go to its control port.
int AttachCommand(const std::string& socket_path, uint64_t worker_id);
int DaemonStartCommand(const std::string& socket_path);
int DaemonStopCommand(const std::string& socket_path);
int DaemonStatusCommand(const std::string& socket_path, bool json = false);

}  // namespace islet::client
