#pragma once

#include <sys/types.h>

#include <chrono>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/client.h"
#include "tests/common/wait.h"

// Helpers for integration tests that run the real isletd and islet binaries.
// Not thread-safe; one test thread.
namespace islet::testing {

using std::chrono::milliseconds;
inline constexpr milliseconds kDeadline{20000};

// `$TEST_SRCDIR/$TEST_WORKSPACE/<path>`: a data dependency's runfile.
std::string RunfilePath(const std::string& path);

// A fresh directory under /tmp (short, so socket paths fit in sun_path),
// removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Join(const std::string& name) const { return path_ + "/" + name; }
  // Writes `content` to path()/name, creating parent directories.
  void Write(const std::string& name, const std::string& content) const;
  // Makes path()/name with exactly `mode` (mkdir applies the umask; chmod
  // does not) and returns its path.
  std::string MakeDir(const std::string& name, mode_t mode) const;

 private:
  std::string path_;
};

// WaitUntil (tests/common/wait.h) is the way to wait for a condition.

std::string ReadFileOrEmpty(const std::string& path);

// A child process, killed and reaped on destruction if still running.
class ChildProcess {
 public:
  // Runs argv[0] with `env` added to (or replacing in) the environment.
  // stdout/stderr go to the given files ("" keeps the test's own).
  static std::expected<std::unique_ptr<ChildProcess>, std::string> Start(
      const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
      const std::string& stdout_path = "", const std::string& stderr_path = "");
  // Takes charge of an already forked child.
  explicit ChildProcess(pid_t pid);
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  void Signal(int signal);
  // Waits for exit (a pidfd, no polling); the wait status, or nullopt on
  // timeout.
  std::optional<int> Wait(milliseconds timeout = kDeadline);
  bool exited() const { return status_.has_value(); }

 private:
  pid_t pid_;
  int pidfd_ = -1;
  std::optional<int> status_;
};

struct ProcessResult {
  int exit_code = -1;  // -1 if killed by a signal or timed out
  std::string out;
  std::string err;
  bool timed_out = false;
};

// Runs a process to completion, capturing stdout and stderr.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         milliseconds timeout = kDeadline);
// The same, with `input` (small: it must fit a pipe) on the process's stdin.
ProcessResult RunProcessWithInput(const std::vector<std::string>& argv, const std::string& input,
                                  milliseconds timeout = kDeadline);

// A real `isletd --foreground` on a socket in its own temp dir; its stderr
// (the log) goes to log_path().
class Isletd {
 public:
  static std::expected<std::unique_ptr<Isletd>, std::string> Start(
      const std::vector<std::string>& extra_args = {});
  // The same, on a given socket path.
  static std::expected<std::unique_ptr<Isletd>, std::string> StartOn(
      const std::string& socket_path, const std::vector<std::string>& extra_args = {});

  const std::string& socket_path() const { return socket_path_; }
  const std::string& log_path() const { return log_path_; }
  std::string Log() const { return ReadFileOrEmpty(log_path_); }
  ChildProcess& process() { return *process_; }

  client::Result<client::Client> Connect() const;

  // SIGTERM, then waits; the wait status, or nullopt on timeout.
  std::optional<int> Stop();

 private:
  std::unique_ptr<TempDir> dir_;  // null if the socket path was given
  std::string socket_path_;
  std::string log_path_;
  std::unique_ptr<ChildProcess> process_;
};

// A Spawn request for a one-file bundle `name` holding `source`.
v1::Request SpawnRequest(const std::string& name, const std::string& source, bool follow,
                         const std::vector<std::string>& argv = {});

// What a followed worker produced, read until end of stream.
struct Followed {
  uint64_t worker_id = 0;
  std::string out;
  std::string err;
  std::optional<v1::ExitInfo> exit;
  bool ended = false;
  std::optional<client::Error> error;  // how reading stopped, if not by end of stream
};

// Sends `spawn` (follow=true) and reads its stream to the end.
Followed SpawnAndFollow(client::Client& client, v1::Request spawn);

// Reads the stream of a follow Spawn sent as `request_id` until the worker's
// output contains `needle`; the worker's id, or 0 if the stream ended or
// failed first.
uint64_t ReadUntilOutput(client::Client& client, uint64_t request_id, const std::string& needle);

// A worker's captured output so far (stdout and stderr, in order), read with
// a non-following Subscribe; empty if the request fails.
std::string CapturedOutput(client::Client& client, uint64_t worker_id);

// Whether `pid` is gone or a zombie (a daemonized isletd is not our child).
bool ProcessGone(pid_t pid);

// Counts occurrences of `needle` in `text`.
size_t Count(const std::string& text, const std::string& needle);

}  // namespace islet::testing
