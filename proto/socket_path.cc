#include "proto/socket_path.h"

#include <cstdlib>

namespace islet::proto {

std::optional<std::string> GetEnv(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::string ResolveSocketPath(std::string_view flag, const EnvLookup& env, uid_t uid) {
  if (!flag.empty()) return std::string(flag);
  if (auto s = env("ISLET_SOCKET"); s && !s->empty()) return *s;
  if (auto xdg = env("XDG_RUNTIME_DIR"); xdg && !xdg->empty()) {
    return *xdg + "/islet/isletd.sock";
  }
  return "/tmp/islet-" + std::to_string(uid) + "/isletd.sock";
}

}  // namespace islet::proto
