#include "daemon/daemonize.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace islet::daemon {
namespace {

constexpr char kReady[] = "ready\n";

// Parent side: reads the child's report and exits accordingly.
[[noreturn]] void WaitForChild(int fd, pid_t child, const std::string& log_path) {
  std::string report;
  char buffer[512];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n > 0) {
      report.append(buffer, n);
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  if (report == kReady) _exit(0);
  if (report.empty()) {
    // The child died before reporting. Reap it if it was that quick.
    int status = 0;
    waitpid(child, &status, WNOHANG);
    std::fprintf(stderr, "isletd: the daemon exited during start-up; see %s\n", log_path.c_str());
  } else {
    std::fprintf(stderr, "isletd: %s", report.c_str());
  }
  _exit(1);
}

}  // namespace

std::expected<Daemonizer, std::string> Daemonizer::Fork(const std::string& log_path) {
  int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) {
    return std::unexpected("cannot open log file " + log_path + ": " +
                           std::system_category().message(errno));
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    close(log_fd);
    return std::unexpected("pipe: " + std::system_category().message(errno));
  }
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    close(log_fd);
    close(fds[0]);
    close(fds[1]);
    return std::unexpected("fork: " + std::system_category().message(errno));
  }
  if (pid > 0) {
    close(fds[1]);
    close(log_fd);
    WaitForChild(fds[0], pid, log_path);
  }
  close(fds[0]);
  setsid();
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_fd >= 0) {
    dup2(null_fd, STDIN_FILENO);
    close(null_fd);
  }
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  close(log_fd);
  if (chdir("/") != 0) {
    // Harmless: paths were made absolute before forking.
  }
  return Daemonizer(fds[1]);
}

Daemonizer::~Daemonizer() {
  if (fd_ >= 0) close(fd_);
}

void Daemonizer::ReportReady() { Report(kReady); }

void Daemonizer::ReportFailure(const std::string& message) { Report(message + "\n"); }

void Daemonizer::Report(const std::string& line) {
  if (fd_ < 0) return;
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += n;
  }
  close(fd_);
  fd_ = -1;
}

}  // namespace islet::daemon
