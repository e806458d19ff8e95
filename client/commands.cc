#include "client/commands.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "client/autostart.h"
#include "client/bundle.h"
#include "client/bundle_upload.h"
#include "client/client.h"
#include "client/environment.h"
#include "client/format.h"

extern char** environ;

namespace islet::client {
namespace {

void SetLimits(const LimitOptions& in, v1::Limits* out) {
  out->set_cpu_ms_per_turn(in.cpu_ms_per_turn);
  out->set_cpu_ms_total(in.cpu_ms_total);
  out->set_deadline_ms(in.deadline_ms);
  out->set_max_external_mb(in.max_external_mb);
  out->set_max_port_queue(in.max_port_queue);
}

int Report(const Error& error) {
  if (error.kind == ErrorKind::kNoDaemon) {
    std::fprintf(stderr, "islet: %s (start one with 'islet daemon start')\n",
                 error.message.c_str());
    return kExitNoDaemon;
  }
  std::fprintf(stderr, "islet: %s\n", error.message.c_str());
  return kExitError;
}

int Report(const std::string& message) {
  std::fprintf(stderr, "islet: %s\n", message.c_str());
  return kExitError;
}

void WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // e.g. a closed pipe: nothing more to do
    done += static_cast<size_t>(n);
  }
}

void Print(const std::string& text) { WriteAll(STDOUT_FILENO, text); }

// One request, one response; on failure the error is reported and its exit
// code returned.
std::expected<v1::Response, int> Ask(const std::string& socket_path, v1::Request request) {
  auto client = Client::Connect(socket_path);
  if (!client) return std::unexpected(Report(client.error()));
  auto response = client->Call(std::move(request));
  if (!response) return std::unexpected(Report(response.error()));
  return *std::move(response);
}

// Relays one streamed event to our stdout/stderr; a control-port message is
// one JSON line on stdout.
void WriteOutput(const v1::Event& event) {
  if (event.kind_case() == v1::Event::kControlMessage) {
    WriteAll(STDOUT_FILENO, event.control_message() + "\n");
    return;
  }
  if (!event.has_output()) return;
  WriteAll(event.output().stream() == v1::Output::STDERR ? STDERR_FILENO : STDOUT_FILENO,
           event.output().data());
}

// SIGINT/SIGTERM become a readable pipe, so a blocking Read can notice them.
class InterruptPipe {
 public:
  InterruptPipe() {
    if (pipe2(fds_, O_CLOEXEC | O_NONBLOCK) != 0) return;
    write_fd_ = fds_[1];
    struct sigaction action {};
    action.sa_handler = [](int signal) {
      if (signal != SIGALRM) last_signal_ = signal;
      char byte = 1;
      [[maybe_unused]] ssize_t n = write(write_fd_, &byte, 1);
    };
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGALRM, &action, nullptr);  // TerminateAndExit's deadline
  }
  int fd() const { return fds_[0]; }
  // The conventional status for the signal that interrupted us: 130 for
  // SIGINT, 143 for SIGTERM.
  static int ExitStatus() { return 128 + (last_signal_ != 0 ? last_signal_ : SIGINT); }

 private:
  static inline int write_fd_ = -1;
  static inline volatile sig_atomic_t last_signal_ = 0;
  int fds_[2] = {-1, -1};
};

// Whether `pid` exists and is not a zombie (a daemon a test started in the
// foreground stays a zombie until that test reaps it).
bool ProcessRunning(pid_t pid) {
  if (kill(pid, 0) != 0 && errno == ESRCH) return false;
  FILE* stat = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (stat == nullptr) return false;
  char state = '?';
  int matched = std::fscanf(stat, "%*d (%*[^)]) %c", &state);
  std::fclose(stat);
  return matched == 1 && state != 'Z' && state != 'X';
}

Result<Client> ConnectOrStart(const std::string& socket_path) {
  auto client = Client::Connect(socket_path);
  if (client || client.error().kind != ErrorKind::kNoDaemon) return client;
  return StartDaemon(socket_path);
}

std::expected<v1::Request, std::string> MakeSpawn(const std::string& file,
                                                  const std::vector<std::string>& args, bool follow,
                                                  const SpawnOptions& options) {
  BundleOptions bundle_options;
  bundle_options.root = options.root;
  std::error_code ec;
  bundle_options.cwd = std::filesystem::current_path(ec).string();
  bundle_options.use_digest_cache = true;
  auto bundle = CollectBundle(file, bundle_options);
  if (!bundle) return std::unexpected(bundle.error());
  v1::Request request;
  v1::SpawnRequest* spawn = request.mutable_spawn();
  *spawn->mutable_bundle() = std::move(*bundle);
  for (const std::string& arg : args) spawn->add_argv(arg);
  // Only what the user asked for: the daemon, and every worker the script
  // starts, would see the rest.
  auto env = BuildEnvironment(options.env, ParseEnviron(environ));
  if (!env) return std::unexpected(env.error());
  for (const auto& [name, value] : *env) (*spawn->mutable_env())[name] = value;
  spawn->set_follow(follow);
  spawn->set_end_with_client(follow);  // `islet run`: the job ends with this client
  SetLimits(options.limits, spawn->mutable_limits());
  spawn->set_max_old_generation_mb(options.max_heap_mb);
  v1::RestartPolicy* restart = spawn->mutable_restart();
  restart->set_mode(options.restart == "always"       ? v1::RestartPolicy::ALWAYS
                    : options.restart == "on-failure" ? v1::RestartPolicy::ON_FAILURE
                                                      : v1::RestartPolicy::NEVER);
  restart->set_max_restarts(options.max_restarts);
  restart->set_window_seconds(options.restart_window_s);
  restart->set_backoff_initial_ms(options.backoff_ms);
  restart->set_backoff_max_ms(options.backoff_max_ms);
  return request;
}

// Uploads what the daemon lacks of `request`'s bundle (UploadBundle) and
// sends the spawn; `full` keeps the bundle with its contents, for a second
// try when the daemon reports contents missing (evicted from its store
// between the upload and the spawn).
struct PreparedSpawn {
  v1::Request request;  // without its bundle
  v1::Bundle full;
};

PreparedSpawn Prepare(v1::Request request) {
  PreparedSpawn prepared;
  prepared.full = std::move(*request.mutable_spawn()->mutable_bundle());
  request.mutable_spawn()->clear_bundle();
  prepared.request = std::move(request);
  return prepared;
}

Result<uint64_t> SendSpawn(Client& client, const PreparedSpawn& prepared, bool retry) {
  v1::Request request = prepared.request;
  auto uploaded =
      UploadBundle(client, prepared.full, request.mutable_spawn()->mutable_bundle(), retry);
  if (!uploaded) return std::unexpected(uploaded.error());
  return client.Send(std::move(request));
}

// Whether a spawn's error means its contents went missing from the store.
bool ContentsMissing(const Error& error) {
  return error.kind == ErrorKind::kRemote && error.code == v1::FAILED_PRECONDITION &&
         error.message.find("bundle store") != std::string::npos;
}

void DrainPipe(int fd) {
  char drain[16];
  while (read(fd, drain, sizeof(drain)) > 0) {
  }
}

// After Ctrl-C or SIGTERM: asks the daemon to end the worker and relays what
// it still prints, then exits 130 or 143. A second signal, or no end within
// kGiveUpSeconds, exits at once (the daemon still ends the job: it is a
// foreground job, and this connection closes).
constexpr unsigned kGiveUpSeconds = 5;
int TerminateAndExit(Client& client, uint64_t worker_id, uint64_t follow_id, int interrupt_fd) {
  v1::Request request;
  request.mutable_terminate()->set_worker_id(worker_id);
  auto id = client.Send(std::move(request));
  if (!id) return InterruptPipe::ExitStatus();
  DrainPipe(interrupt_fd);
  alarm(kGiveUpSeconds);
  for (;;) {
    auto event = client.Read(follow_id, interrupt_fd);
    if (!event || event->end_of_stream()) break;
    if (event->has_event()) WriteOutput(event->event());
  }
  alarm(0);
  return InterruptPipe::ExitStatus();
}

}  // namespace

int RunCommand(const std::string& socket_path, const std::string& file,
               const std::vector<std::string>& args, const SpawnOptions& options) {
  auto request = MakeSpawn(file, args, /*follow=*/true, options);
  if (!request) return Report(request.error());
  PreparedSpawn prepared = Prepare(std::move(*request));
  InterruptPipe interrupt;
  auto client = ConnectOrStart(socket_path);
  if (!client) return Report(client.error());
  auto id = SendSpawn(*client, prepared, /*retry=*/false);
  if (!id) return Report(id.error());
  bool retried = false;

  uint64_t worker_id = 0;
  bool interrupted = false;  // Ctrl-C before the worker's id was known
  int exit_code = kExitError;
  for (;;) {
    auto response = client->Read(*id, interrupt.fd());
    if (!response) {
      if (response.error().kind == ErrorKind::kInterrupted) {
        if (worker_id != 0) return TerminateAndExit(*client, worker_id, *id, interrupt.fd());
        if (interrupted) return InterruptPipe::ExitStatus();  // a second signal: give up
        interrupted = true;
        DrainPipe(interrupt.fd());
        continue;
      }
      if (response.error().kind == ErrorKind::kClosed) {
        return Report("lost the connection to the daemon before the worker exited");
      }
      if (worker_id == 0 && !retried && ContentsMissing(response.error())) {
        retried = true;
        id = SendSpawn(*client, prepared, /*retry=*/true);
        if (!id) return Report(id.error());
        continue;
      }
      return Report(response.error());
    }
    if (response->has_spawn()) {
      worker_id = response->spawn().worker_id();
      if (interrupted) return TerminateAndExit(*client, worker_id, *id, interrupt.fd());
    }
    if (response->has_event()) {
      const v1::Event& event = response->event();
      WriteOutput(event);
      if (event.has_exited()) {
        exit_code = event.exited().exit_code();
        if (event.exited().reason() == "startup-failed") {
          Report("the worker failed to start: " + event.exited().error_message());
        }
      }
    }
    if (response->end_of_stream()) return exit_code & 0xff;
  }
}

int SpawnCommand(const std::string& socket_path, const std::string& file,
                 const std::vector<std::string>& args, const SpawnOptions& options) {
  auto request = MakeSpawn(file, args, /*follow=*/false, options);
  if (!request) return Report(request.error());
  PreparedSpawn prepared = Prepare(std::move(*request));
  auto client = Client::Connect(socket_path);
  if (!client) return Report(client.error());
  Result<v1::Response> response;
  for (bool retry : {false, true}) {
    auto id = SendSpawn(*client, prepared, retry);
    if (!id) return Report(id.error());
    response = client->Read(*id);
    if (response || !ContentsMissing(response.error())) break;
  }
  if (!response) return Report(response.error());
  Print(std::to_string(response->spawn().worker_id()) + "\n");
  return kExitOk;
}

int PsCommand(const std::string& socket_path, bool json, bool all) {
  v1::Request request;
  request.mutable_list()->set_include_exited(all);
  auto response = Ask(socket_path, std::move(request));
  if (!response) return response.error();
  std::vector<v1::WorkerInfo> workers(response->list().workers().begin(),
                                      response->list().workers().end());
  Print(json ? ToJsonArray(workers) + "\n" : FormatWorkerTable(workers));
  return kExitOk;
}

int InspectCommand(const std::string& socket_path, uint64_t worker_id, bool json) {
  v1::Request request;
  request.mutable_inspect()->set_worker_id(worker_id);
  auto response = Ask(socket_path, std::move(request));
  if (!response) return response.error();
  const v1::WorkerInfo& worker = response->inspect().worker();
  Print(json ? ToJson(worker) + "\n" : FormatWorker(worker));
  return kExitOk;
}

int KillCommand(const std::string& socket_path, uint64_t worker_id, double grace_ms) {
  v1::Request request;
  request.mutable_terminate()->set_worker_id(worker_id);
  request.mutable_terminate()->set_grace_ms(grace_ms);
  auto response = Ask(socket_path, std::move(request));
  if (!response) return response.error();
  const v1::ExitInfo& exit = response->terminate().exit();
  Print(std::to_string(worker_id) + ": " + exit.reason() + " (code " +
        std::to_string(exit.exit_code()) + ")\n");
  return kExitOk;
}

int LogsCommand(const std::string& socket_path, uint64_t worker_id, bool follow) {
  auto client = Client::Connect(socket_path);
  if (!client) return Report(client.error());
  InterruptPipe interrupt;
  v1::Request request;
  request.mutable_subscribe()->set_worker_id(worker_id);
  request.mutable_subscribe()->set_follow(follow);
  auto id = client->Send(std::move(request));
  if (!id) return Report(id.error());
  for (;;) {
    auto response = client->Read(*id, interrupt.fd());
    if (!response) {
      if (response.error().kind == ErrorKind::kInterrupted) return kExitInterrupted;
      return Report(response.error());
    }
    if (response->has_event()) WriteOutput(response->event());
    if (response->end_of_stream()) return kExitOk;
  }
}

int LimitCommand(const std::string& socket_path, uint64_t worker_id, const LimitOptions& limits) {
  v1::Request request;
  request.mutable_set_limits()->set_worker_id(worker_id);
  SetLimits(limits, request.mutable_set_limits()->mutable_limits());
  auto response = Ask(socket_path, std::move(request));
  if (!response) return response.error();
  return kExitOk;
}

int PostCommand(const std::string& socket_path, uint64_t worker_id, const std::string& json) {
  v1::Request request;
  request.mutable_post()->set_worker_id(worker_id);
  request.mutable_post()->set_json(json);
  auto response = Ask(socket_path, std::move(request));
  if (!response) return response.error();
  return kExitOk;
}

// Follows a worker (output and control messages) and posts each line read
// from stdin to its control port, until the worker exits or stdin ends.
int AttachCommand(const std::string& socket_path, uint64_t worker_id) {
  auto client = Client::Connect(socket_path);
  if (!client) return Report(client.error());
  // The stdin reader blocks in getline and may outlive this function (stdin
  // still open when the worker exits), so what it touches lives until the
  // process ends.
  auto connected = Client::Connect(socket_path);
  if (!connected) return Report(connected.error());
  auto* poster = new Client(std::move(*connected));
  InterruptPipe interrupt;
  v1::Request request;
  request.mutable_subscribe()->set_worker_id(worker_id);
  request.mutable_subscribe()->set_follow(true);
  auto id = client->Send(std::move(request));
  if (!id) return Report(id.error());
  // The daemon handles one connection's requests in order: once this answer
  // is back the subscription is in place, so no reply to a post is missed.
  v1::Request barrier;
  barrier.mutable_daemon_info();
  auto barrier_response = client->Call(std::move(barrier));
  if (!barrier_response) return Report(barrier_response.error());
  std::thread([poster, worker_id] {
    char* line = nullptr;
    size_t capacity = 0;
    ssize_t n;
    while ((n = getline(&line, &capacity, stdin)) > 0) {
      std::string json(line, static_cast<size_t>(n));
      while (!json.empty() && (json.back() == '\n' || json.back() == '\r')) json.pop_back();
      if (json.empty()) continue;
      v1::Request post;
      post.mutable_post()->set_worker_id(worker_id);
      post.mutable_post()->set_json(json);
      auto response = poster->Call(std::move(post));
      if (!response) {
        Report(response.error());
        break;
      }
    }
    std::free(line);
  }).detach();
  for (;;) {
    auto response = client->Read(*id, interrupt.fd());
    if (!response) {
      if (response.error().kind == ErrorKind::kInterrupted) return kExitInterrupted;
      return Report(response.error());
    }
    if (response->has_event()) WriteOutput(response->event());
    if (response->end_of_stream()) return kExitOk;
  }
}

int DaemonStartCommand(const std::string& socket_path) {
  bool started = false;
  auto client = Client::Connect(socket_path);
  if (!client && client.error().kind == ErrorKind::kNoDaemon) {
    client = StartDaemon(socket_path);
    started = true;
  }
  if (!client) return Report(client.error());
  v1::Request request;
  request.mutable_daemon_info();
  auto response = client->Call(std::move(request));
  if (!response) return Report(response.error());
  const auto& info = response->daemon_info();
  Print(std::string(started ? "isletd started" : "isletd is already running") + " (pid " +
        std::to_string(info.pid()) + ") on " + info.socket_path() + "\n");
  return kExitOk;
}

int DaemonStopCommand(const std::string& socket_path) {
  auto client = Client::Connect(socket_path);
  if (!client) return Report(client.error());
  v1::Request info_request;
  info_request.mutable_daemon_info();
  auto info = client->Call(std::move(info_request));
  if (!info) return Report(info.error());
  pid_t pid = info->daemon_info().pid();
  v1::Request request;
  request.mutable_shutdown();
  auto response = client->Call(std::move(request));
  if (!response) return Report(response.error());
  // The daemon closes every connection once its workers are gone, then exits.
  while (client->Read(0).has_value()) {
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto delay = std::chrono::milliseconds(5);
  while (ProcessRunning(pid)) {
    if (std::chrono::steady_clock::now() > deadline) {
      return Report("isletd (pid " + std::to_string(pid) + ") is still shutting down");
    }
    std::this_thread::sleep_for(delay);
    delay = std::min(delay * 2, std::chrono::milliseconds(100));
  }
  Print("isletd stopped (pid " + std::to_string(pid) + ")\n");
  return kExitOk;
}

int DaemonStatusCommand(const std::string& socket_path, bool json) {
  v1::Request request;
  request.mutable_daemon_info();
  auto response = Ask(socket_path, std::move(request));
  if (!response) return response.error();
  Print(json ? ToJson(response->daemon_info()) + "\n" : FormatDaemonInfo(response->daemon_info()));
  return kExitOk;
}

}  // namespace islet::client
