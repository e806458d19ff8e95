#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

// `islet shm create|ls|rm|dump|write`: named shared-memory segments on the
// daemon (docs/shm.md).
namespace islet::client {

// What the command line said; filled in by CLI11 after AddShmCommands.
struct ShmArgs {
  std::string name;
  std::string size;
  std::string offset;
  std::string length;
  std::string hex;
  std::string int32;
  bool json = false;
  CLI::App* shm = nullptr;
  CLI::App* create = nullptr;
  CLI::App* ls = nullptr;
  CLI::App* rm = nullptr;
  CLI::App* dump = nullptr;
  CLI::App* write = nullptr;
};

// Adds the `shm` subcommand and its own subcommands to `app`.
void AddShmCommands(CLI::App& app, ShmArgs* args);

// Runs the chosen `islet shm` command and returns its exit code, or nullopt
// if the command line did not choose `shm`.
std::optional<int> RunShmCommand(const std::string& socket_path, const ShmArgs& args);

}  // namespace islet::client
