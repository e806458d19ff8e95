#pragma once

#include <google/protobuf/message.h>

#include <string>
#include <vector>

#include "proto/islet/v1/control.pb.h"

// Text and JSON renderings for the islet CLI. Pure functions; any thread.
namespace islet::client {

// "42s", "3m12s", "2h03m", "4d05h".
std::string FormatDuration(double seconds);

// "running", "idle", "exited", ...
std::string StateName(v1::WorkerState state);

// The `islet ps` table: ID JOB NAME STATE UPTIME MAIN, a header line and one
// line per worker, columns aligned.
std::string FormatWorkerTable(const std::vector<v1::WorkerInfo>& workers);

// `islet inspect`: one "key: value" line per field.
std::string FormatWorker(const v1::WorkerInfo& worker);

// `islet daemon status`.
std::string FormatDaemonInfo(const v1::DaemonInfoResponse& info);

// Proto3 JSON with the .proto field names (snake_case), defaults included.
std::string ToJson(const google::protobuf::Message& message);

// A JSON array of messages, one per line ("[]" when empty).
template <typename MessageT>
std::string JsonArrayOf(const std::vector<MessageT>& messages) {
  std::string out = "[";
  for (size_t i = 0; i < messages.size(); ++i) {
    if (i > 0) out += ",";
    out += "\n  " + ToJson(messages[i]);
  }
  out += messages.empty() ? "]" : "\n]";
  return out;
}

inline std::string ToJsonArray(const std::vector<v1::WorkerInfo>& workers) {
  return JsonArrayOf(workers);
}

}  // namespace islet::client
