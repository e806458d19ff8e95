#pragma once

#include "proto/socket_path.h"

namespace islet::client {

// The daemon's control socket, resolved as isletd resolves it.
using proto::EnvLookup;
using proto::GetEnv;
using proto::ResolveSocketPath;

}  // namespace islet::client
