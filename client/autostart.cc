#include "client/autostart.h"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <thread>

#include "client/socket_path.h"

namespace islet::client {
namespace {

namespace fs = std::filesystem;

std::unexpected<Error> Fail(std::string message) {
  return std::unexpected(Error{ErrorKind::kIo, std::move(message)});
}

}  // namespace

std::expected<std::string, std::string> FindDaemonBinary() {
  if (auto env = GetEnv("ISLETD"); env && !env->empty()) {
    if (access(env->c_str(), X_OK) != 0) {
      return std::unexpected("$ISLETD is " + *env + ", which is not an executable file");
    }
    return *env;
  }
  std::error_code ec;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  if (ec) return std::unexpected("cannot find the islet binary: " + ec.message());
  fs::path candidate = (self.parent_path() / ".." / "daemon" / "isletd").lexically_normal();
  if (access(candidate.c_str(), X_OK) != 0) {
    return std::unexpected("cannot find isletd: looked for " + candidate.string() +
                           " (build it with 'bazel build //daemon:isletd', or set $ISLETD)");
  }
  return candidate.string();
}

Result<Client> StartDaemon(const std::string& socket_path, std::chrono::milliseconds timeout) {
  auto binary = FindDaemonBinary();
  if (!binary) return Fail(binary.error());
  pid_t pid = fork();
  if (pid < 0) return Fail("fork: " + std::system_category().message(errno));
  if (pid == 0) {
    const char* argv[] = {binary->c_str(), "--socket", socket_path.c_str(), nullptr};
    execv(binary->c_str(), const_cast<char* const*>(argv));
    _exit(127);
  }
  // isletd's foreground process exits once the daemon accepts connections,
  // or with an error it has printed itself.
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Fail("waitpid: " + std::system_category().message(errno));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      return Fail("cannot execute " + *binary);
    }
    return Fail("could not start isletd (" + *binary + ")");
  }
  // Ready was reported after listen(), so this normally connects at once;
  // the loop only covers a daemon that is still being replaced. Connect
  // checks, as always, that the socket and the daemon on it are ours before
  // anything is sent.
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto delay = std::chrono::milliseconds(5);
  for (;;) {
    auto client = Client::Connect(socket_path);
    if (client || client.error().kind != ErrorKind::kNoDaemon) return client;
    if (std::chrono::steady_clock::now() > deadline) {
      return Fail("isletd started but does not answer on " + socket_path);
    }
    std::this_thread::sleep_for(delay);
    delay = std::min(delay * 2, std::chrono::milliseconds(200));
  }
}

}  // namespace islet::client
