#pragma once

#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// The environment `islet run` and `islet spawn` send: only what the user
// asked for (docs/daemon.md, "The environment").
namespace islet::client {

using Environment = std::map<std::string, std::string>;

// What to send as the worker's process.env. Nothing by default; with more
// than one source, later ones win: the caller's environment (--inherit-env),
// then the --env-file files in order, then the --env entries in order.
struct EnvOptions {
  bool inherit = false;            // --inherit-env: the caller's whole environment
  std::vector<std::string> files;  // --env-file FILE: NAME=VALUE lines
  // --env NAME=VALUE, or --env NAME: the caller's value of NAME, if it has one.
  std::vector<std::string> entries;
};

// An `environ`-style array ("NAME=VALUE" strings, null-terminated) as a map;
// entries without '=' or with an empty name are skipped.
Environment ParseEnviron(const char* const* entries);

// Parses the text of an env file; `name` is the file's name, for errors.
// One NAME=VALUE per line. Blank lines and lines whose first non-blank
// character is '#' are skipped; blanks around a line are ignored. VALUE runs
// to the end of the line (a '#' in it is part of it) and loses one pair of
// matching surrounding quotes, '...' or "..." (nothing inside is escaped).
// A NAME is non-empty, without blanks or NUL. Any other line is an error
// naming the file and the line number ("FILE:3: ...", without the line's
// text, which may hold a secret).
std::expected<Environment, std::string> ParseEnvFile(std::string_view text,
                                                     const std::string& name);

// Reads and parses the env file at `path`.
std::expected<Environment, std::string> ReadEnvFile(const std::string& path);

// The environment `options` asks for, given the caller's (`caller`).
// Errors name the bad --env entry or env file.
std::expected<Environment, std::string> BuildEnvironment(const EnvOptions& options,
                                                         const Environment& caller);

}  // namespace islet::client
