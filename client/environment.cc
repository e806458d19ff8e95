#include "client/environment.h"

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

namespace islet::client {
namespace {

// Blanks, as env files have them (a line's '\n' is already gone).
constexpr std::string_view kBlanks = " \t\r\f\v";

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(kBlanks);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kBlanks);
  return text.substr(begin, end - begin + 1);
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c == '\0' || c == '=' || c == '\n' || kBlanks.find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

Environment ParseEnviron(const char* const* entries) {
  Environment env;
  if (entries == nullptr) return env;
  for (const char* const* e = entries; *e != nullptr; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    // The first of duplicate entries wins, as with getenv.
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

std::expected<Environment, std::string> ParseEnvFile(std::string_view text,
                                                     const std::string& name) {
  Environment env;
  size_t line_number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    auto fail = [&](const std::string& why) {
      return std::unexpected(name + ":" + std::to_string(line_number) + ": " + why);
    };
    auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      return fail("not a NAME=VALUE line (no '='; blank lines and # comments are skipped)");
    }
    std::string_view key = line.substr(0, eq);
    if (!ValidName(key)) return fail("not a NAME=VALUE line (the name is empty or has blanks)");
    std::string_view value = line.substr(eq + 1);
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      if (value.size() < 2 || value.back() != value.front()) {
        return fail("the value of " + std::string(key) +
                    " starts with a quote but does not end with the same quote");
      }
      value = value.substr(1, value.size() - 2);
    }
    if (value.find('\0') != std::string_view::npos) {
      return fail("the value of " + std::string(key) + " holds a NUL byte");
    }
    env[std::string(key)] = std::string(value);
  }
  return env;
}

std::expected<Environment, std::string> ReadEnvFile(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int err = errno;
    return std::unexpected("cannot read env file " + path +
                           (err != 0 ? ": " + std::system_category().message(err) : ""));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::unexpected("cannot read env file " + path);
  return ParseEnvFile(text, path);
}

std::expected<Environment, std::string> BuildEnvironment(const EnvOptions& options,
                                                         const Environment& caller) {
  Environment env;
  if (options.inherit) env = caller;
  for (const std::string& file : options.files) {
    auto parsed = ReadEnvFile(file);
    if (!parsed) return std::unexpected(parsed.error());
    for (const auto& [name, value] : *parsed) env[name] = value;
  }
  for (const std::string& entry : options.entries) {
    auto eq = entry.find('=');
    std::string name = entry.substr(0, eq);  // the whole entry without '='
    if (!ValidName(name)) {
      return std::unexpected("--env " + name +
                             ": expected NAME=VALUE or NAME, with a NAME that is not empty and "
                             "has no blanks");
    }
    if (eq != std::string::npos) {
      env[name] = entry.substr(eq + 1);
    } else if (auto it = caller.find(name); it != caller.end()) {
      env[name] = it->second;  // --env NAME: the caller's value, when it has one
    }
  }
  return env;
}

}  // namespace islet::client
