// islet: the command-line client of isletd. See docs/daemon.md.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "client/commands.h"
#include "client/shm_commands.h"
#include "client/socket_path.h"

namespace islet::client {
namespace {

// For `run` and `spawn`, everything after FILE belongs to the script (as
// with `node FILE ARGS`, even "--help"): split it off before CLI11 parses.
std::vector<std::string> SplitScriptArgs(std::vector<std::string>* argv) {
  size_t i = 1;
  while (i < argv->size()) {
    const std::string& arg = (*argv)[i];
    if (arg == "--socket") {
      i += 2;
    } else if (!arg.empty() && arg[0] == '-') {
      ++i;
    } else {
      break;
    }
  }
  if (i >= argv->size() || ((*argv)[i] != "run" && (*argv)[i] != "spawn")) return {};
  for (++i; i < argv->size(); ++i) {
    const std::string& arg = (*argv)[i];
    static const std::set<std::string> kTakesValue = {
        "--socket",      "--cpu-ms-per-turn", "--cpu-ms",
        "--deadline-ms", "--max-heap-mb",     "--max-external-mb",
        "--restart",     "--max-restarts",    "--restart-window",
        "--backoff-ms",  "--backoff-max-ms",  "--max-port-queue",
        "--env",         "--env-file",        "--root"};
    if (kTakesValue.contains(arg)) {
      ++i;  // an option of run/spawn that takes a value
    } else if (arg == "--") {
      argv->erase(argv->begin() + static_cast<long>(i));
      break;
    } else if (arg.empty() || arg[0] != '-') {
      break;  // FILE
    }
  }
  if (i + 1 >= argv->size()) return {};
  std::vector<std::string> rest(argv->begin() + static_cast<long>(i) + 1, argv->end());
  argv->resize(i + 1);
  return rest;
}

int Main(int argc, char** argv) {
  std::vector<std::string> arguments(argv, argv + argc);
  std::vector<std::string> args = SplitScriptArgs(&arguments);
  CLI::App app{"islet: run JavaScript on isletd, the islet supervisor daemon.", "islet"};
  app.require_subcommand(1);
  app.fallthrough();  // `islet ps --socket X` as well as `islet --socket X ps`
  app.footer(
      "Exit status: 0 success; 1 error; 2 no daemon listens on the socket; 64 usage error.\n"
      "`run` exits with the worker's exit code (130 after Ctrl-C).\n"
      "`run` and `spawn` send none of your environment variables unless asked: --env NAME=VALUE,\n"
      "--env NAME (your value), --env-file FILE, or --inherit-env for all of them.\n"
      "islet talks only to a daemon of your own user, on a socket in a directory that only you\n"
      "(or root) can write to.\n");
  std::string socket_flag;
  app.add_option("--socket", socket_flag,
                 "Control socket (default: $ISLET_SOCKET, else "
                 "$XDG_RUNTIME_DIR/islet/isletd.sock, else /tmp/islet-$UID/isletd.sock)");

  std::string file;
  auto* run = app.add_subcommand(
      "run",
      "Run FILE on the daemon (starting one if needed), stream its output, exit with its code");
  run->add_option("FILE", file, "Entry script; arguments after it are the script's")->required();

  auto* spawn = app.add_subcommand("spawn", "Start FILE in the background; print the worker id");
  spawn->add_option("FILE", file, "Entry script; arguments after it are the script's")->required();

  // Limits, for run and spawn (and `limit` on a live worker); 0 = none.
  SpawnOptions spawn_options;
  for (CLI::App* command : {run, spawn}) {
    command->add_option("--root", spawn_options.root,
                        "Project root to upload (default: the nearest directory at or above "
                        "FILE's with a package.json, or its workspace's root if it belongs to "
                        "one, else FILE's directory). Every file under it is sent, node_modules "
                        "included, but names starting with '.'; a symbolic link must stay "
                        "inside it. Contents the daemon already holds are not sent again");
    command->add_option("--cpu-ms-per-turn", spawn_options.limits.cpu_ms_per_turn,
                        "End the worker if one turn (message, timer, task) uses more CPU");
    command->add_option("--cpu-ms", spawn_options.limits.cpu_ms_total,
                        "End the worker once it has used this much CPU");
    command->add_option("--deadline-ms", spawn_options.limits.deadline_ms,
                        "End the worker this long after it started");
    command->add_option("--max-heap-mb", spawn_options.max_heap_mb,
                        "Heap cap; reaching it ends the worker with ERR_WORKER_OUT_OF_MEMORY");
    command->add_option("--max-external-mb", spawn_options.limits.max_external_mb,
                        "ArrayBuffer memory the worker may hold (default: the daemon's)");
    command->add_option("--max-port-queue", spawn_options.limits.max_port_queue,
                        "Unread messages one of its ports may hold; a post into a full one "
                        "throws (default and cap: the daemon's)");
    // The environment: none of the caller's unless asked for.
    command
        ->add_option("--env", spawn_options.env.entries,
                     "NAME=VALUE: set NAME in the script's process.env; NAME alone: pass your "
                     "value of NAME, if set (repeatable; no variable is sent by default)")
        ->allow_extra_args(false)
        ->type_name("NAME[=VALUE]");
    command
        ->add_option("--env-file", spawn_options.env.files,
                     "Read NAME=VALUE lines from FILE (# comments and blank lines skipped, "
                     "quotes around a value stripped; repeatable; --env wins over it)")
        ->allow_extra_args(false)
        ->type_name("FILE");
    command->add_flag("--inherit-env", spawn_options.env.inherit,
                      "Send your whole environment (--env-file and --env still apply on top)");
  }
  spawn
      ->add_option("--restart", spawn_options.restart,
                   "Supervise: restart the worker when it exits (on-failure: unless it exited "
                   "0 by itself), and again after a daemon restart")
      ->check(CLI::IsMember({"never", "on-failure", "always"}));
  spawn->add_option("--max-restarts", spawn_options.max_restarts,
                    "Give up after this many restarts within the window (default 5)");
  spawn
      ->add_option("--restart-window", spawn_options.restart_window_s,
                   "The window for --max-restarts, in seconds (default 60)")
      ->check(CLI::NonNegativeNumber);
  spawn
      ->add_option("--backoff-ms", spawn_options.backoff_ms,
                   "Delay before the first restart; it doubles with each (default 100)")
      ->check(CLI::NonNegativeNumber);
  spawn
      ->add_option("--backoff-max-ms", spawn_options.backoff_max_ms,
                   "Cap on the restart delay (default 30000)")
      ->check(CLI::NonNegativeNumber);

  bool json = false;
  bool all = false;
  auto* ps = app.add_subcommand("ps", "List workers");
  ps->add_flag("--json", json, "Print a JSON array");
  ps->add_flag("-a,--all", all, "Include exited workers");

  uint64_t id = 0;
  auto* inspect = app.add_subcommand("inspect", "Show one worker");
  inspect->add_option("ID", id, "Worker id")->required();
  inspect->add_flag("--json", json, "Print JSON");

  double grace_ms = 5000;
  auto* kill = app.add_subcommand(
      "kill", "Terminate a worker (and stop its restarts); a script listening for SIGTERM gets it");
  kill->add_option("ID", id, "Worker id")->required();
  kill->add_option("--grace", grace_ms,
                   "Milliseconds a SIGTERM listener gets before the worker is forced (default "
                   "5000; 0 = force at once)")
      ->check(CLI::NonNegativeNumber);

  bool follow = false;
  auto* logs = app.add_subcommand("logs", "Print a worker's captured output");
  logs->add_flag("-f,--follow", follow, "Keep streaming until the worker exits");
  logs->add_option("ID", id, "Worker id")->required();

  std::string json_message;
  auto* post = app.add_subcommand("post", "Send a JSON message to a worker's control port");
  post->add_option("ID", id, "Worker id")->required();
  post->add_option("JSON", json_message, "The message, as JSON")->required();

  auto* attach = app.add_subcommand(
      "attach", "Follow a worker; each stdin line (JSON) goes to its control port");
  attach->add_option("ID", id, "Worker id")->required();

  LimitOptions limits;
  auto* limit = app.add_subcommand("limit", "Replace a live worker's limits (0 = none)");
  limit->add_option("ID", id, "Worker id")->required();
  limit->add_option("--cpu-ms-per-turn", limits.cpu_ms_per_turn, "CPU allowed per turn")
      ->check(CLI::NonNegativeNumber);
  limit->add_option("--cpu-ms", limits.cpu_ms_total, "CPU allowed in total")
      ->check(CLI::NonNegativeNumber);
  limit
      ->add_option("--deadline-ms", limits.deadline_ms,
                   "Wall clock allowed since the worker started")
      ->check(CLI::NonNegativeNumber);
  limit
      ->add_option("--max-external-mb", limits.max_external_mb,
                   "ArrayBuffer memory allowed (0 = the daemon's default)")
      ->check(CLI::NonNegativeNumber);
  limit->add_option("--max-port-queue", limits.max_port_queue,
                    "Unread messages one of its ports may hold (0 = the daemon's limit)");

  ShmArgs shm_args;
  AddShmCommands(app, &shm_args);

  auto* daemon = app.add_subcommand("daemon", "Manage isletd");
  daemon->require_subcommand(1);
  auto* start = daemon->add_subcommand("start", "Start isletd in the background if none answers");
  auto* stop = daemon->add_subcommand("stop", "Shut isletd down (terminates every worker)");
  auto* status = daemon->add_subcommand(
      "status", "Show the daemon's version, pid, workers and executor threads");
  bool status_json = false;
  status->add_flag("--json", status_json,
                   "Print the daemon's info as JSON (executor counters included)");

  // CLI11 reports parse errors by throwing; this is the one place we catch.
  try {
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend() - 1);
    app.parse(std::move(reversed));  // CLI11 takes the arguments reversed, without argv[0]
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  std::string socket = ResolveSocketPath(socket_flag, GetEnv, getuid());
  if (auto code = RunShmCommand(socket, shm_args)) return *code;
  if (*run) return RunCommand(socket, file, args, spawn_options);
  if (*spawn) return SpawnCommand(socket, file, args, spawn_options);
  if (*limit) return LimitCommand(socket, id, limits);
  if (*ps) return PsCommand(socket, json, all);
  if (*inspect) return InspectCommand(socket, id, json);
  if (*kill) return KillCommand(socket, id, grace_ms);
  if (*logs) return LogsCommand(socket, id, follow);
  if (*post) return PostCommand(socket, id, json_message);
  if (*attach) return AttachCommand(socket, id);
  if (*start) return DaemonStartCommand(socket);
  if (*stop) return DaemonStopCommand(socket);
  if (*status) return DaemonStatusCommand(socket, status_json);
  return kExitUsage;
}

}  // namespace
}  // namespace islet::client

int main(int argc, char** argv) { return islet::client::Main(argc, argv); }
