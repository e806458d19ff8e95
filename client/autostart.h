#pragma once

#include <chrono>
#include <expected>
#include <string>

#include "client/client.h"

namespace islet::client {

// The isletd binary to auto-start: $ISLETD if set, else
// `<directory of islet's real path>/../daemon/isletd` (bazel-bin layout).
std::expected<std::string, std::string> FindDaemonBinary();

// Starts isletd in background mode on `socket_path` and connects once it
// answers. isletd's own start-up errors reach the user on stderr.
Result<Client> StartDaemon(const std::string& socket_path,
                           std::chrono::milliseconds timeout = std::chrono::seconds(15));

}  // namespace islet::client
