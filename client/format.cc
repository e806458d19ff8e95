#include "client/format.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace islet::client {

std::string FormatDuration(double seconds) {
  long s = seconds > 0 ? static_cast<long>(std::floor(seconds)) : 0;
  char buffer[32];
  if (s < 60) {
    std::snprintf(buffer, sizeof(buffer), "%lds", s);
  } else if (s < 3600) {
    std::snprintf(buffer, sizeof(buffer), "%ldm%02lds", s / 60, s % 60);
  } else if (s < 86400) {
    std::snprintf(buffer, sizeof(buffer), "%ldh%02ldm", s / 3600, (s / 60) % 60);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%ldd%02ldh", s / 86400, (s / 3600) % 24);
  }
  return buffer;
}

std::string StateName(v1::WorkerState state) {
  switch (state) {
    case v1::STARTING:
      return "starting";
    case v1::RUNNING:
      return "running";
    case v1::IDLE:
      return "idle";
    case v1::BLOCKED:
      return "blocked";
    case v1::TERMINATING:
      return "terminating";
    case v1::EXITED:
      return "exited";
    case v1::RESTARTING:
      return "restarting";
    case v1::FAILED:
      return "failed";
    default:
      return "unknown";
  }
}

std::string FormatWorkerTable(const std::vector<v1::WorkerInfo>& workers) {
  using Row = std::array<std::string, 7>;
  std::vector<Row> rows = {{"ID", "JOB", "NAME", "STATE", "UPTIME", "RESTARTS", "MAIN"}};
  for (const v1::WorkerInfo& w : workers) {
    std::string state = StateName(w.state());
    if (w.has_exit()) state += "(" + std::to_string(w.exit().exit_code()) + ")";
    rows.push_back({std::to_string(w.id()), std::to_string(w.job_id()),
                    w.name().empty() ? "-" : w.name(), state, FormatDuration(w.uptime_seconds()),
                    std::to_string(w.restarts()), w.main()});
  }
  std::array<size_t, 7> width{};
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  std::string out;
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out += row[i];
      if (i + 1 < row.size()) out += std::string(width[i] - row[i].size() + 2, ' ');
    }
    out += '\n';
  }
  return out;
}

std::string FormatWorker(const v1::WorkerInfo& w) {
  std::string out;
  auto line = [&out](const char* key, const std::string& value) {
    out += key;
    out += ": ";
    out += value;
    out += '\n';
  };
  line("id", std::to_string(w.id()));
  line("job", std::to_string(w.job_id()));
  if (w.parent_id() != 0) line("parent", std::to_string(w.parent_id()));
  line("name", w.name().empty() ? "-" : w.name());
  line("main", w.main());
  line("state", StateName(w.state()));
  line("uptime", FormatDuration(w.uptime_seconds()));
  line("heap_used_bytes", std::to_string(w.heap_used_bytes()));
  line("heap_limit_bytes", std::to_string(w.heap_limit_bytes()));
  line("external_memory_bytes", std::to_string(w.external_memory_bytes()));
  line("queued_bytes", std::to_string(w.queued_bytes()));
  char cpu[32];
  std::snprintf(cpu, sizeof(cpu), "%.3f", w.cpu_seconds());
  line("cpu_seconds", cpu);
  line("messages_in", std::to_string(w.messages_in()));
  line("messages_out", std::to_string(w.messages_out()));
  line("mailbox_depth", std::to_string(w.mailbox_depth()));
  if (w.turn_ms() > 0) {
    char turn[64];
    std::snprintf(turn, sizeof(turn), "running for %.1f ms%s", w.turn_ms(),
                  w.long_turn() ? " (long turn: on a thread of its own)" : "");
    line("turn", turn);
  }
  const v1::Limits& limits = w.limits();
  auto limit = [&](const char* key, double value, const char* unit) {
    char text[48];
    std::snprintf(text, sizeof(text), "%g %s", value, unit);
    line(key, value > 0 ? text : "none");
  };
  limit("limit_cpu_ms_per_turn", limits.cpu_ms_per_turn(), "ms");
  limit("limit_cpu_ms", limits.cpu_ms_total(), "ms");
  limit("limit_deadline_ms", limits.deadline_ms(), "ms");
  limit("limit_external_mb", limits.max_external_mb(), "MB");
  limit("limit_port_queue", static_cast<double>(limits.max_port_queue()), "messages");
  if (w.has_restart()) {
    const v1::RestartPolicy& r = w.restart();
    char policy[160];
    std::snprintf(policy, sizeof(policy), "%s, at most %u restarts in %g s, backoff %g..%g ms",
                  r.mode() == v1::RestartPolicy::ALWAYS ? "always" : "on-failure", r.max_restarts(),
                  r.window_seconds(), r.backoff_initial_ms(), r.backoff_max_ms());
    line("restart_policy", policy);
  }
  line("restarts", std::to_string(w.restarts()));
  if (w.next_restart_unix_ms() != 0)
    line("next_restart_unix_ms", std::to_string(w.next_restart_unix_ms()));
  auto exit_lines = [&](const char* prefix, const v1::ExitInfo& exit) {
    std::string p = prefix;
    line((p + "exit_code").c_str(), std::to_string(exit.exit_code()));
    line((p + "exit_reason").c_str(), exit.reason());
    if (!exit.error_message().empty()) line((p + "error").c_str(), exit.error_message());
    if (!exit.error_stack().empty()) {
      std::string stack = exit.error_stack();
      // Indented under its key, one frame per line.
      std::string indented;
      for (char c : stack) {
        indented += c;
        if (c == '\n') indented += "    ";
      }
      line((p + "error_stack").c_str(), "\n    " + indented);
    }
  };
  if (w.has_last_exit()) exit_lines("last_", w.last_exit());
  if (w.has_exit()) exit_lines("", w.exit());
  return out;
}

namespace {
// " (3 live: 2 busy, 1 in a long turn, ...)" after the thread count.
std::string FormatExecutor(const v1::ExecutorInfo& e) {
  if (e.live_threads() == 0) return "";
  std::string out = " (" + std::to_string(e.live_threads()) + " live, " +
                    std::to_string(e.busy_threads()) + " in a turn";
  if (e.long_turns() > 0) out += ", " + std::to_string(e.long_turns()) + " in a long turn";
  uint32_t blocked = e.compensated_threads() - e.long_turns();
  if (blocked > 0) out += ", " + std::to_string(blocked) + " blocked";
  if (e.run_queue() > 0) out += "; " + std::to_string(e.run_queue()) + " workers waiting";
  out += ")";
  if (e.compensations_refused() > 0) {
    out += "\nlong or blocked turns that found --max-blocked-threads in use: " +
           std::to_string(e.compensations_refused());
  }
  return out;
}
std::string Mb(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return text;
}

std::string FormatBundleStore(const v1::BundleStoreInfo& store) {
  if (store.max_bytes() == 0) return "";
  return "bundle store: " + std::to_string(store.blobs()) + " files, " + Mb(store.bytes()) +
         " of " + Mb(store.max_bytes()) + " (" + Mb(store.in_use_bytes()) + " in use by jobs); " +
         Mb(store.uploaded_bytes()) + " uploaded, " + Mb(store.duplicate_bytes()) +
         " of it already held; " + std::to_string(store.evicted_blobs()) + " evicted\n";
}

}  // namespace

std::string FormatDaemonInfo(const v1::DaemonInfoResponse& info) {
  return "isletd " + info.version() + " (pid " + std::to_string(info.pid()) + ")\n" +
         "socket: " + info.socket_path() + "\n" +
         "uptime: " + FormatDuration(info.uptime_seconds()) + "\n" +
         "workers: " + std::to_string(info.workers_alive()) + " alive, " +
         std::to_string(info.workers_spawned_total()) + " spawned in total\n" +
         "executor threads: " + std::to_string(info.executor_threads()) +
         FormatExecutor(info.executor()) + "\n" +
         (info.state_path().empty() ? "" : "state file: " + info.state_path() + "\n") +
         (info.workers_resurrected() == 0
              ? ""
              : "resurrected at start: " + std::to_string(info.workers_resurrected()) +
                    " workers\n") +
         (info.state_problem().empty() ? ""
                                       : "state file problem: " + info.state_problem() + "\n") +
         FormatBundleStore(info.bundle_store());
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) return "{}";
  return json;
}

}  // namespace islet::client
