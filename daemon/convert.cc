#include "daemon/convert.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "daemon/bundle_store.h"
#include "proto/digest.h"

namespace islet::daemon {

using runtime::ErrorCode;
using runtime::MakeError;

bool IsValidBundleFileName(std::string_view name) {
  if (name.empty() || name.front() == '/') return false;
  if (name.find('\0') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string TooLargeMessage(size_t total, const BundleLimits& limits) {
  return "bundle too large: " + std::to_string(total) + " bytes (limit " +
         std::to_string(limits.max_bytes) + " bytes: isletd --max-bundle-bytes)";
}

runtime::Result<void> ValidateBundle(const v1::Bundle& bundle, const BundleLimits& limits) {
  if (bundle.files_size() == 0) {
    return MakeError(ErrorCode::kInvalidArgument, "empty bundle: it has no files");
  }
  if (bundle.main().empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "missing main file name: bundle.main must name the entry file");
  }
  if (static_cast<size_t>(bundle.files_size()) > limits.max_files) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "bundle has too many files: " + std::to_string(bundle.files_size()) +
                         " (limit " + std::to_string(limits.max_files) +
                         ": isletd --max-bundle-files)");
  }
  size_t total = 0;
  bool has_main = false;
  std::unordered_set<std::string_view> names;
  for (const v1::File& file : bundle.files()) {
    if (!IsValidBundleFileName(file.name())) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "bad file name in bundle: '" + file.name() +
                           "' (names are relative, '/'-separated, without '.' or '..' parts)");
    }
    if (!names.insert(file.name()).second) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "duplicate file name in bundle: '" + file.name() + "'");
    }
    if (!file.digest().empty() && file.digest().size() != proto::kDigestBytes) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "bad digest for bundle file '" + file.name() + "': " +
                           std::to_string(file.digest().size()) + " bytes, not a SHA-256's 32");
    }
    if (!file.link_target().empty()) {
      if (!file.content().empty() || !file.digest().empty()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "bundle link '" + file.name() + "' has content: a link has only a target");
      }
      if (!IsValidBundleFileName(file.link_target())) {
        return MakeError(ErrorCode::kInvalidArgument, "bad target for bundle link '" + file.name() +
                                                          "': '" + file.link_target() +
                                                          "' (a bundle file name)");
      }
    }
    has_main = has_main || file.name() == bundle.main();
    total += file.content().size();
  }
  if (total > limits.max_bytes)
    return MakeError(ErrorCode::kInvalidArgument, TooLargeMessage(total, limits));
  if (!has_main) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "main file '" + bundle.main() + "' is not among the bundle's " +
                         std::to_string(bundle.files_size()) + " files");
  }
  return {};
}

runtime::WorkerLimits FromProto(const v1::Limits& limits) {
  return runtime::WorkerLimits{limits.cpu_ms_per_turn(), limits.cpu_ms_total(),
                               limits.deadline_ms(), limits.max_external_mb(),
                               limits.max_port_queue()};
}

namespace {

// `value` is 0 (none, or the default) or a positive finite number.
runtime::Result<void> CheckAmount(std::string_view field, double value) {
  if (std::isfinite(value) && value >= 0) return {};
  std::string shown = std::isnan(value)   ? "NaN"
                      : std::isinf(value) ? (value > 0 ? "Infinity" : "-Infinity")
                                          : std::to_string(value);
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(field) + " is " + shown +
                       ": it must be 0 (none or the default) or a positive finite number");
}

}  // namespace

runtime::Result<runtime::WorkerLimits> CheckedLimits(const v1::Limits& limits) {
  for (auto [field, value] :
       {std::pair<std::string_view, double>{"limits.cpu_ms_per_turn", limits.cpu_ms_per_turn()},
        {"limits.cpu_ms_total", limits.cpu_ms_total()},
        {"limits.deadline_ms", limits.deadline_ms()},
        {"limits.max_external_mb", limits.max_external_mb()}}) {
    if (auto ok = CheckAmount(field, value); !ok) return std::unexpected(ok.error());
  }
  return FromProto(limits);
}

void ToProto(const runtime::WorkerLimits& limits, v1::Limits* out) {
  out->set_cpu_ms_per_turn(limits.cpu_ms_per_turn);
  out->set_cpu_ms_total(limits.cpu_ms_total);
  out->set_deadline_ms(limits.deadline_ms);
  out->set_max_external_mb(limits.max_external_mb);
  out->set_max_port_queue(limits.max_port_queue);
}

runtime::Result<runtime::RestartPolicy> FromProto(const v1::RestartPolicy& policy) {
  runtime::RestartPolicy out;
  switch (policy.mode()) {
    case v1::RestartPolicy::NEVER:
      out.mode = runtime::RestartPolicy::Mode::kNever;
      break;
    case v1::RestartPolicy::ON_FAILURE:
      out.mode = runtime::RestartPolicy::Mode::kOnFailure;
      break;
    case v1::RestartPolicy::ALWAYS:
      out.mode = runtime::RestartPolicy::Mode::kAlways;
      break;
    default:
      return MakeError(ErrorCode::kInvalidArgument,
                       "unknown restart mode " + std::to_string(policy.mode()));
  }
  for (auto [field, value] :
       {std::pair<std::string_view, double>{"restart.window_seconds", policy.window_seconds()},
        {"restart.backoff_initial_ms", policy.backoff_initial_ms()},
        {"restart.backoff_max_ms", policy.backoff_max_ms()}}) {
    if (std::isnan(value) || std::isinf(value)) {
      if (auto ok = CheckAmount(field, value); !ok) return std::unexpected(ok.error());
    }
  }
  if (policy.window_seconds() < 0 || policy.backoff_initial_ms() < 0 ||
      policy.backoff_max_ms() < 0) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the restart window and backoff must be 0 (the default) or positive");
  }
  if (policy.max_restarts() > 0) out.max_restarts = policy.max_restarts();
  if (policy.window_seconds() > 0) out.window_seconds = policy.window_seconds();
  if (policy.backoff_initial_ms() > 0) out.backoff_initial_ms = policy.backoff_initial_ms();
  if (policy.backoff_max_ms() > 0) out.backoff_max_ms = policy.backoff_max_ms();
  // A cap below the initial delay given alone means "that delay, always".
  if (policy.backoff_max_ms() == 0 && out.backoff_max_ms < out.backoff_initial_ms) {
    out.backoff_max_ms = out.backoff_initial_ms;
  }
  return out;
}

void ToProto(const runtime::RestartPolicy& policy, v1::RestartPolicy* out) {
  switch (policy.mode) {
    case runtime::RestartPolicy::Mode::kNever:
      out->set_mode(v1::RestartPolicy::NEVER);
      return;  // the other fields mean nothing then
    case runtime::RestartPolicy::Mode::kOnFailure:
      out->set_mode(v1::RestartPolicy::ON_FAILURE);
      break;
    case runtime::RestartPolicy::Mode::kAlways:
      out->set_mode(v1::RestartPolicy::ALWAYS);
      break;
  }
  out->set_max_restarts(policy.max_restarts);
  out->set_window_seconds(policy.window_seconds);
  out->set_backoff_initial_ms(policy.backoff_initial_ms);
  out->set_backoff_max_ms(policy.backoff_max_ms);
}

runtime::Result<runtime::SpawnSpec> ToSpawnSpec(v1::SpawnRequest* request,
                                                const BundleLimits& limits, BundleStore* store) {
  if (auto ok = ValidateBundle(request->bundle(), limits); !ok) {
    return std::unexpected(ok.error());
  }
  runtime::SpawnSpec spec;
  v1::Bundle* bundle = request->mutable_bundle();
  spec.main = std::move(*bundle->mutable_main());
  spec.root = std::move(*bundle->mutable_root());
  spec.cwd = std::move(*bundle->mutable_cwd());
  spec.files.reserve(bundle->files_size());
  size_t total = 0;
  size_t missing = 0;
  for (v1::File& file : *bundle->mutable_files()) {
    runtime::BundleFile& out = spec.files.emplace_back();
    out.name = std::move(*file.mutable_name());
    if (!file.link_target().empty()) {
      out.link_target = std::move(*file.mutable_link_target());
      continue;
    }
    if (store == nullptr) {
      if (!file.digest().empty() && !file.content().empty() &&
          proto::Sha256(file.content()) != file.digest()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "bundle file '" + out.name + "': its content does not match its digest");
      }
      if (!file.digest().empty() && file.content().empty()) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "bundle file '" + out.name +
                             "' is given by digest only, and this "
                             "daemon keeps no bundle store: send its content");
      }
      out.content = std::move(*file.mutable_content());
      continue;
    }
    if (!file.digest().empty() && file.content().empty()) {
      out.shared = store->Find(file.digest());
      if (out.shared == nullptr) ++missing;
    } else {
      // The store hashes it once, and checks a digest the client gave.
      auto stored = store->Put(std::move(*file.mutable_content()), file.digest());
      if (!stored && stored.error().code == ErrorCode::kInvalidArgument) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "bundle file '" + out.name + "': " + stored.error().message);
      }
      if (!stored) return std::unexpected(stored.error());
      out.shared = std::move(stored->blob);
    }
    if (out.shared != nullptr) total += out.shared->size();
  }
  if (missing > 0) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     std::to_string(missing) + " bundle file" + (missing == 1 ? " is" : "s are") +
                         " not in the daemon's bundle store: upload " +
                         (missing == 1 ? "it" : "them") + " (BlobPut) and spawn again");
  }
  if (total > limits.max_bytes)
    return MakeError(ErrorCode::kInvalidArgument, TooLargeMessage(total, limits));
  spec.argv.assign(request->argv().begin(), request->argv().end());
  spec.env.assign(request->env().begin(), request->env().end());
  std::sort(spec.env.begin(), spec.env.end());  // map order is unspecified
  spec.name = request->name();
  auto checked = CheckedLimits(request->limits());
  if (!checked) return std::unexpected(checked.error());
  spec.limits = *checked;
  for (auto [field, value] : {std::pair<std::string_view, double>{"max_old_generation_mb",
                                                                  request->max_old_generation_mb()},
                              {"max_young_generation_mb", request->max_young_generation_mb()},
                              {"code_range_mb", request->code_range_mb()}}) {
    if (std::isnan(value) || std::isinf(value)) {
      if (auto ok = CheckAmount(field, value); !ok) return std::unexpected(ok.error());
    }
  }
  spec.max_old_generation_mb = request->max_old_generation_mb();
  spec.max_young_generation_mb = request->max_young_generation_mb();
  spec.code_range_mb = request->code_range_mb();
  if (spec.max_young_generation_mb < 0 || spec.code_range_mb < 0) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "resource limits must be 0 (default) or positive");
  }
  if (spec.max_old_generation_mb < 0 || spec.limits.cpu_ms_per_turn < 0 ||
      spec.limits.cpu_ms_total < 0 || spec.limits.deadline_ms < 0 ||
      spec.limits.max_external_mb < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "limits must be 0 (none) or positive");
  }
  auto restart = FromProto(request->restart());
  if (!restart) return std::unexpected(restart.error());
  spec.restart = *restart;
  return spec;
}

void ToProto(const runtime::SupervisedSpec& supervised, v1::SupervisedWorker* out) {
  out->set_worker_id(supervised.id);
  out->set_restarts(supervised.restarts);
  const runtime::SpawnSpec& spec = supervised.spec;
  v1::SpawnRequest* request = out->mutable_spawn();
  request->mutable_bundle()->set_main(spec.main);
  request->mutable_bundle()->set_root(spec.root);
  if (spec.cwd != spec.root) request->mutable_bundle()->set_cwd(spec.cwd);
  for (const runtime::BundleFile& file : spec.files) {
    v1::File* f = request->mutable_bundle()->add_files();
    f->set_name(file.name);
    if (!file.link_target.empty()) {
      f->set_link_target(file.link_target);
    } else {
      f->set_content(file.shared ? *file.shared : file.content);
    }
  }
  for (const std::string& arg : spec.argv) request->add_argv(arg);
  for (const auto& [key, value] : spec.env) (*request->mutable_env())[key] = value;
  request->set_name(spec.name);
  ToProto(spec.limits, request->mutable_limits());
  request->set_max_old_generation_mb(spec.max_old_generation_mb);
  request->set_max_young_generation_mb(spec.max_young_generation_mb);
  request->set_code_range_mb(spec.code_range_mb);
  ToProto(spec.restart, request->mutable_restart());
}

v1::Code ToProtoCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return v1::INVALID_ARGUMENT;
    case ErrorCode::kNotFound:
      return v1::NOT_FOUND;
    case ErrorCode::kResourceExhausted:
      return v1::RESOURCE_EXHAUSTED;
    case ErrorCode::kUnavailable:
      return v1::UNAVAILABLE;
    case ErrorCode::kInternal:
      return v1::INTERNAL;
    case ErrorCode::kFailedPrecondition:
      return v1::FAILED_PRECONDITION;
    case ErrorCode::kUnimplemented:
      return v1::UNIMPLEMENTED;
    case ErrorCode::kAlreadyExists:
      return v1::ALREADY_EXISTS;
  }
  return v1::INTERNAL;
}

void SetStatus(const runtime::Error& error, v1::Response* response) {
  response->mutable_status()->set_code(ToProtoCode(error.code));
  response->mutable_status()->set_message(error.message);
}

v1::WorkerState ToProto(runtime::WorkerState state) {
  switch (state) {
    case runtime::WorkerState::kStarting:
      return v1::STARTING;
    case runtime::WorkerState::kRunning:
      return v1::RUNNING;
    case runtime::WorkerState::kIdle:
      return v1::IDLE;
    case runtime::WorkerState::kBlocked:
      return v1::BLOCKED;
    case runtime::WorkerState::kTerminating:
      return v1::TERMINATING;
    case runtime::WorkerState::kExited:
      return v1::EXITED;
    case runtime::WorkerState::kRestarting:
      return v1::RESTARTING;
    case runtime::WorkerState::kFailed:
      return v1::FAILED;
  }
  return v1::WORKER_STATE_UNSPECIFIED;
}

void ToProto(const runtime::ExitInfo& exit, v1::ExitInfo* out) {
  out->set_exit_code(exit.exit_code);
  out->set_reason(std::string(runtime::ExitReasonName(exit.reason)));
  out->set_error_message(exit.error_message);
  out->set_error_stack(exit.error_stack);
}

void ToProto(const runtime::WorkerInfo& info, v1::WorkerInfo* out) {
  out->set_id(info.id);
  out->set_job_id(info.job_id);
  out->set_parent_id(info.parent_id);
  out->set_name(info.name);
  out->set_main(info.main);
  out->set_state(ToProto(info.state));
  out->set_started_unix_ms(info.started_unix_ms);
  out->set_uptime_seconds(info.uptime_seconds);
  out->set_heap_used_bytes(info.heap_used_bytes);
  out->set_heap_limit_bytes(info.heap_limit_bytes);
  out->set_external_memory_bytes(info.external_memory_bytes);
  out->set_queued_bytes(info.queued_bytes);
  out->set_cpu_seconds(info.cpu_seconds);
  out->set_messages_in(info.messages_in);
  out->set_messages_out(info.messages_out);
  out->set_mailbox_depth(info.mailbox_depth);
  out->set_restarts(info.restarts);
  ToProto(info.limits, out->mutable_limits());
  if (info.exit) ToProto(*info.exit, out->mutable_exit());
  if (info.last_exit) ToProto(*info.last_exit, out->mutable_last_exit());
  if (info.restart.mode != runtime::RestartPolicy::Mode::kNever) {
    ToProto(info.restart, out->mutable_restart());
  }
  out->set_next_restart_unix_ms(info.next_restart_unix_ms);
  out->set_turn_ms(info.turn_ms);
  out->set_long_turn(info.long_turn);
}

void ToProto(const runtime::ExecutorStats& e, v1::ExecutorInfo* out) {
  out->set_target_threads(static_cast<uint32_t>(e.target_threads));
  out->set_live_threads(static_cast<uint32_t>(e.live_threads));
  out->set_busy_threads(static_cast<uint32_t>(e.busy_threads));
  out->set_compensated_threads(static_cast<uint32_t>(e.compensated_threads));
  out->set_long_turns(static_cast<uint32_t>(e.long_turns));
  out->set_parked_threads(static_cast<uint32_t>(e.parked_threads));
  out->set_run_queue(e.run_queue);
  out->set_turns(e.turns);
  out->set_runnext_handoffs(e.runnext_handoffs);
  out->set_steals(e.steals);
  out->set_parks(e.parks);
  out->set_long_turns_total(e.long_turns_total);
  out->set_blocks_total(e.blocks_total);
  out->set_compensations_refused(e.compensations_refused);
  out->set_threads_started(e.threads_started);
  out->set_threads_retired(e.threads_retired);
}

void ToProto(const runtime::ShmSegmentInfo& info, v1::ShmSegment* out) {
  out->set_name(info.name);
  out->set_size(info.size);
  out->set_attached_workers(info.attached_workers);
  out->set_created_unix_ms(info.created_unix_ms);
  out->set_creator_worker_id(info.creator);
  out->set_path(info.path);
}

void ToProto(const runtime::WorkerEvent& event, v1::Response* response) {
  if (std::holds_alternative<runtime::EndOfStream>(event.body)) {
    response->set_end_of_stream(true);
    return;
  }
  v1::Event* out = response->mutable_event();
  out->set_worker_id(event.worker_id);
  if (const auto* output = std::get_if<runtime::Output>(&event.body)) {
    out->mutable_output()->set_stream(
        output->stream == runtime::Stream::kStderr ? v1::Output::STDERR : v1::Output::STDOUT);
    out->mutable_output()->set_data(output->data);
  } else if (const auto* exit = std::get_if<runtime::ExitInfo>(&event.body)) {
    ToProto(*exit, out->mutable_exited());
  } else if (const auto* control = std::get_if<runtime::ControlMessage>(&event.body)) {
    out->set_control_message(control->json);
  }
}

}  // namespace islet::daemon
