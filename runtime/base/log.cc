#include "runtime/base/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>

#include <string>

#include "runtime/base/mutex.h"

namespace islet {

std::shared_ptr<spdlog::logger> Logger(std::string_view name) {
  static Mutex mu;
  MutexLock lock(mu);
  std::string key(name);
  if (auto existing = spdlog::get(key)) return existing;
  auto logger = spdlog::stderr_color_mt(key);
  logger->set_level(spdlog::get_level());
  return logger;
}

void SetLogLevel(spdlog::level::level_enum level) {
  spdlog::set_level(level);  // applies to registered loggers and the default
}

}  // namespace islet
