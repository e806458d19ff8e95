#pragma once

#include <spdlog/spdlog.h>

#include <memory>
#include <string_view>

namespace islet {

// The fixed set of named loggers (STYLE.md): daemon, control, sched, isolate,
// bus, watchdog, js. Created on first use; thread-safe.
std::shared_ptr<spdlog::logger> Logger(std::string_view name);

// Sets the level of every logger, existing and future.
void SetLogLevel(spdlog::level::level_enum level);

}  // namespace islet
