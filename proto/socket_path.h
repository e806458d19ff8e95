#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

// Where the control socket lives: part of the contract between isletd and
// its clients, so both resolve it with this one function.
namespace islet::proto {

// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// The process environment, as an EnvLookup.
std::optional<std::string> GetEnv(std::string_view name);

// `flag` if non-empty, else $ISLET_SOCKET, else
// $XDG_RUNTIME_DIR/islet/isletd.sock, else /tmp/islet-$UID/isletd.sock.
std::string ResolveSocketPath(std::string_view flag, const EnvLookup& env, uid_t uid);

}  // namespace islet::proto
