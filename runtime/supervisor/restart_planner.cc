#include "runtime/supervisor/restart_planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace islet::runtime {

namespace {

constexpr double kMaxDurationMs = 24 * 3600 * 1000.0;  // a day

}  // namespace

Result<void> CheckRestartPolicy(const RestartPolicy& p) {
  auto bad = [](double v) { return !(v > 0) || !std::isfinite(v); };
  auto invalid = [](const char* why) { return MakeError(ErrorCode::kInvalidArgument, why); };
  if (p.mode == RestartPolicy::Mode::kNever) return {};
  if (p.max_restarts == 0) return invalid("the restart policy allows no restarts (max_restarts 0)");
  if (bad(p.window_seconds)) {
    return invalid("the restart window must be a positive number of seconds");
  }
  if (bad(p.backoff_initial_ms) || bad(p.backoff_max_ms)) {
    return invalid("the restart backoff must be a positive number of milliseconds");
  }
  if (p.backoff_max_ms < p.backoff_initial_ms) {
    return invalid("the restart backoff cap is below its initial delay");
  }
  // Beyond these the clock arithmetic would overflow; nobody means them.
  if (p.backoff_max_ms > kMaxDurationMs) return invalid("the restart backoff is over a day");
  if (p.window_seconds > kMaxDurationMs / 1000 * 365) {
    return invalid("the restart window is over a year");
  }
  return {};
}

bool IsFailure(const ExitInfo& exit) {
  return exit.reason != ExitReason::kExited || exit.exit_code != 0;
}

std::string DescribeExit(const ExitInfo& exit) {
  std::string text =
      std::string(ExitReasonName(exit.reason)) + ", code " + std::to_string(exit.exit_code);
  if (!exit.error_message.empty()) text += ": " + exit.error_message;
  return text;
}

RestartDecision PlanRestart(const RestartPolicy& policy, const RestartHistory& history,
                            const ExitInfo& exit, double uptime_seconds,
                            std::chrono::steady_clock::time_point now) {
  RestartDecision decision;
  if (policy.mode == RestartPolicy::Mode::kNever) return decision;
  if (policy.mode == RestartPolicy::Mode::kOnFailure && !IsFailure(exit)) return decision;
  decision.history = history;
  auto& restarts = decision.history.restarts;
  auto window = std::chrono::duration<double>(policy.window_seconds);
  while (!restarts.empty() && now - restarts.front() > window) restarts.pop_front();
  if (restarts.size() >= policy.max_restarts) {
    decision.kind = RestartDecision::Kind::kGiveUp;
    decision.notice = "failed: " + std::to_string(policy.max_restarts) + " restarts within " +
                      fmt::format("{:g}", policy.window_seconds) + " s and exited again (" +
                      DescribeExit(exit) + "); giving up";
    return decision;
  }
  uint32_t& step = decision.history.backoff_step;
  if (uptime_seconds >= policy.window_seconds) step = 0;
  double delay_ms = policy.backoff_initial_ms * std::ldexp(1.0, static_cast<int>(step));
  delay_ms = std::min(delay_ms, policy.backoff_max_ms);
  if (step < 62) ++step;
  restarts.push_back(now);
  decision.kind = RestartDecision::Kind::kRestart;
  decision.delay = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(delay_ms)));
  decision.notice = "exited (" + DescribeExit(exit) + "); restarting in " +
                    fmt::format("{:g}", delay_ms) + " ms (restart " +
                    std::to_string(restarts.size()) + " of at most " +
                    std::to_string(policy.max_restarts) + " in " +
                    fmt::format("{:g}", policy.window_seconds) + " s)";
  return decision;
}

}  // namespace islet::runtime
