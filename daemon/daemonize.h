#pragma once

#include <expected>
#include <string>

namespace islet::daemon {

// Background start-up. Fork() returns only in the child, which has a new
// session, stdin on /dev/null and stdout/stderr appended to the log file. The
// parent waits until the child reports: it exits 0 on ReportReady, or prints
// the reported failure to stderr and exits 1 (also if the child dies first).
// Owned by the child's main thread.
class Daemonizer {
 public:
  static std::expected<Daemonizer, std::string> Fork(const std::string& log_path);

  Daemonizer(Daemonizer&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Daemonizer& operator=(Daemonizer&&) = delete;
  ~Daemonizer();

  // Each reports once; later calls are ignored.
  void ReportReady();
  void ReportFailure(const std::string& message);

 private:
  explicit Daemonizer(int fd) : fd_(fd) {}
  void Report(const std::string& line);

  int fd_;  // write end of the readiness pipe; -1 once reported
};

}  // namespace islet::daemon
