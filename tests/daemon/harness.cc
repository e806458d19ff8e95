#include "tests/daemon/harness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace islet::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> MergedEnvironment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> merged;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) merged[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : env) merged[key] = value;
  std::vector<std::string> out;
  for (const auto& [key, value] : merged) out.push_back(key + "=" + value);
  return out;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Forks and execs; in the child, `setup` runs first (redirects).
std::expected<pid_t, std::string> Spawn(const std::vector<std::string>& argv,
                                        const std::map<std::string, std::string>& env,
                                        const std::function<void()>& setup) {
  std::vector<std::string> args = argv;
  std::vector<std::string> envs = MergedEnvironment(env);
  std::vector<char*> arg_ptrs = Pointers(args);
  std::vector<char*> env_ptrs = Pointers(envs);
  pid_t pid = fork();
  if (pid < 0) return std::unexpected(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    setup();
    execve(arg_ptrs[0], arg_ptrs.data(), env_ptrs.data());
    _exit(127);
  }
  return pid;
}

void RedirectTo(const std::string& path, int fd) {
  if (path.empty()) return;
  int file = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (file >= 0) {
    dup2(file, fd);
    close(file);
  }
}

}  // namespace

std::string RunfilePath(const std::string& path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return std::string(srcdir ? srcdir : ".") + "/" + (workspace ? workspace : "islet") + "/" + path;
}

TempDir::TempDir() {
  char pattern[] = "/tmp/islet-test-XXXXXX";
  const char* made = mkdtemp(pattern);
  path_ = made ? made : "/tmp";
}

TempDir::~TempDir() {
  std::error_code ec;
  if (path_ != "/tmp") fs::remove_all(path_, ec);
}

std::string TempDir::MakeDir(const std::string& name, mode_t mode) const {
  std::string path = Join(name);
  if (mkdir(path.c_str(), 0700) != 0 || chmod(path.c_str(), mode) != 0) {
    std::fprintf(stderr, "TempDir::MakeDir(%s): %s\n", path.c_str(), std::strerror(errno));
    std::abort();  // a test's premise, not its subject
  }
  return path;
}

void TempDir::Write(const std::string& name, const std::string& content) const {
  fs::path path = fs::path(path_) / name;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool ProcessGone(pid_t pid) {
  if (kill(pid, 0) != 0 && errno == ESRCH) return true;
  std::string stat = ReadFileOrEmpty("/proc/" + std::to_string(pid) + "/stat");
  auto paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size()) return true;
  char state = stat[paren + 2];
  return state == 'Z' || state == 'X';
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

ChildProcess::ChildProcess(pid_t pid)
    : pid_(pid), pidfd_(static_cast<int>(syscall(SYS_pidfd_open, pid, 0))) {}

ChildProcess::~ChildProcess() {
  if (!status_) {
    kill(pid_, SIGKILL);
    int status;
    waitpid(pid_, &status, 0);
  }
  if (pidfd_ >= 0) close(pidfd_);
}

std::expected<std::unique_ptr<ChildProcess>, std::string> ChildProcess::Start(
    const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
    const std::string& stdout_path, const std::string& stderr_path) {
  auto pid = Spawn(argv, env, [&] {
    RedirectTo(stdout_path, STDOUT_FILENO);
    RedirectTo(stderr_path, STDERR_FILENO);
  });
  if (!pid) return std::unexpected(pid.error());
  return std::unique_ptr<ChildProcess>(new ChildProcess(*pid));
}

void ChildProcess::Signal(int signal) {
  if (!status_) kill(pid_, signal);
}

std::optional<int> ChildProcess::Wait(milliseconds timeout) {
  if (status_) return status_;
  if (pidfd_ >= 0) {
    pollfd fd = {pidfd_, POLLIN, 0};
    int rc;
    do {
      rc = poll(&fd, 1, static_cast<int>(timeout.count()));
    } while (rc < 0 && errno == EINTR);
    if (rc == 0) return std::nullopt;
  }
  int status = 0;
  if (waitpid(pid_, &status, 0) == pid_) status_ = status;
  return status_;
}

namespace {
ProcessResult RunProcessImpl(const std::vector<std::string>& argv,
                             const std::map<std::string, std::string>& env,
                             const std::string* input, milliseconds timeout);
}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env, milliseconds timeout) {
  return RunProcessImpl(argv, env, nullptr, timeout);
}

ProcessResult RunProcessWithInput(const std::vector<std::string>& argv, const std::string& input,
                                  milliseconds timeout) {
  return RunProcessImpl(argv, {}, &input, timeout);
}

namespace {
ProcessResult RunProcessImpl(const std::vector<std::string>& argv,
                             const std::map<std::string, std::string>& env,
                             const std::string* input, milliseconds timeout) {
  ProcessResult result;
  int out_pipe[2], err_pipe[2], in_pipe[2] = {-1, -1};
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) return result;
  if (input != nullptr && pipe2(in_pipe, O_CLOEXEC) != 0) return result;
  auto pid = Spawn(argv, env, [&] {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    if (in_pipe[0] >= 0) dup2(in_pipe[0], STDIN_FILENO);
  });
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (in_pipe[0] >= 0) {
    close(in_pipe[0]);
    [[maybe_unused]] ssize_t n = write(in_pipe[1], input->data(), input->size());
    close(in_pipe[1]);
  }
  if (!pid) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
  }
  ChildProcess child(*pid);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  while (open_fds > 0) {
    auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    int rc = poll(fds, 2, static_cast<int>(left.count()));
    if (rc < 0 && errno == EINTR) continue;
    if (rc <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  if (result.timed_out) child.Signal(SIGKILL);
  auto status = child.Wait(result.timed_out ? milliseconds(5000) : timeout);
  if (status && WIFEXITED(*status) && !result.timed_out) result.exit_code = WEXITSTATUS(*status);
  return result;
}
}  // namespace

std::expected<std::unique_ptr<Isletd>, std::string> Isletd::Start(
    const std::vector<std::string>& extra_args) {
  auto dir = std::make_unique<TempDir>();
  auto daemon = StartOn(dir->Join("s.sock"), extra_args);
  if (daemon) (*daemon)->dir_ = std::move(dir);
  return daemon;
}

std::expected<std::unique_ptr<Isletd>, std::string> Isletd::StartOn(
    const std::string& socket_path, const std::vector<std::string>& extra_args) {
  auto daemon = std::make_unique<Isletd>();
  daemon->socket_path_ = socket_path;
  daemon->log_path_ = socket_path + ".stderr";
  std::vector<std::string> argv = {RunfilePath("daemon/isletd"), "--foreground", "--socket",
                                   socket_path};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  auto process = ChildProcess::Start(argv, {}, "", daemon->log_path_);
  if (!process) return std::unexpected(process.error());
  daemon->process_ = std::move(*process);
  bool answered = WaitUntil([&] {
    if (daemon->process_->Wait(milliseconds(0))) return true;  // exited: give up
    return client::Client::Connect(socket_path).has_value();
  });
  if (daemon->process_->exited() || !answered) {
    return std::unexpected("isletd did not start; its log:\n" + daemon->Log());
  }
  return daemon;
}

client::Result<client::Client> Isletd::Connect() const {
  return client::Client::Connect(socket_path_);
}

std::optional<int> Isletd::Stop() {
  process_->Signal(SIGTERM);
  return process_->Wait();
}

}  // namespace islet::testing

namespace islet::testing {

v1::Request SpawnRequest(const std::string& name, const std::string& source, bool follow,
                         const std::vector<std::string>& argv) {
  v1::Request request;
  v1::SpawnRequest* spawn = request.mutable_spawn();
  spawn->mutable_bundle()->set_main(name);
  spawn->mutable_bundle()->set_root("/islet-test");
  v1::File* file = spawn->mutable_bundle()->add_files();
  file->set_name(name);
  file->set_content(source);
  for (const std::string& arg : argv) spawn->add_argv(arg);
  spawn->set_follow(follow);
  return request;
}

uint64_t ReadUntilOutput(client::Client& client, uint64_t request_id, const std::string& needle) {
  uint64_t id = 0;
  std::string out;
  while (out.find(needle) == std::string::npos) {
    auto response = client.Read(request_id);
    if (!response || response->end_of_stream()) return 0;
    if (response->has_spawn()) id = response->spawn().worker_id();
    if (response->has_event() && response->event().has_output()) {
      out += response->event().output().data();
    }
  }
  return id;
}

std::string CapturedOutput(client::Client& client, uint64_t worker_id) {
  v1::Request request;
  request.mutable_subscribe()->set_worker_id(worker_id);
  auto sent = client.Send(request);
  if (!sent) return {};
  std::string text;
  for (;;) {
    auto response = client.Read(*sent);
    if (!response || response->end_of_stream()) return text;
    if (response->has_event() && response->event().has_output()) {
      text += response->event().output().data();
    }
  }
}

Followed SpawnAndFollow(client::Client& client, v1::Request spawn) {
  Followed result;
  spawn.mutable_spawn()->set_follow(true);
  auto id = client.Send(std::move(spawn));
  if (!id) {
    result.error = id.error();
    return result;
  }
  for (;;) {
    auto response = client.Read(*id);
    if (!response) {
      result.error = response.error();
      return result;
    }
    if (response->has_spawn()) result.worker_id = response->spawn().worker_id();
    if (response->has_event()) {
      const v1::Event& event = response->event();
      if (event.has_output()) {
        (event.output().stream() == v1::Output::STDERR ? result.err : result.out) +=
            event.output().data();
      }
      if (event.has_exited()) result.exit = event.exited();
    }
    if (response->end_of_stream()) {
      result.ended = true;
      return result;
    }
  }
}

}  // namespace islet::testing
