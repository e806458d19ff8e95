#pragma once

#include <sys/stat.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace islet::client {

// The SHA-256 of files the client has hashed before, keyed by path and
// checked against what stat says (device, inode, size, mtime and ctime, to
// the nanosecond), as git's index does: a project's second `islet run`
// stats its files instead of reading and hashing them all. Any change to a
// file changes its ctime, so a stale entry is never used. One file per
// project root (PathFor: under $XDG_CACHE_HOME/islet/digests/, else
// ~/.cache/islet/digests/), holding the entries of that project's last run
// only, written whole through a rename: concurrent clients lose at worst
// each other's additions. Files of roots not run for 30 days are removed.
// Not thread-safe.
class DigestCache {
 public:
  // The cache at `path`; a missing or unreadable file is an empty cache.
  explicit DigestCache(std::string path);
  // The cache file for the project at `root`, or "" when neither
  // $XDG_CACHE_HOME nor $HOME is set.
  static std::string PathFor(const std::string& root);

  // The digest recorded for `path` if `st` still matches it (the entry is
  // then kept by Save).
  std::optional<std::string> Find(const std::string& path, const struct stat& st);
  void Record(const std::string& path, const struct stat& st, std::string digest);
  // Writes this run's entries (found or recorded) if any was recorded or
  // one went unused, and removes other roots' files idle for 30 days.
  // Errors are ignored: it is only a cache.
  void Save();

 private:
  struct Entry {
    uint64_t dev = 0, ino = 0, size = 0;
    int64_t mtime_ns = 0, ctime_ns = 0;
    std::string digest;  // 32 bytes
    bool used = false;   // found or recorded this run
  };
  static Entry Key(const struct stat& st);
  std::string path_;
  std::unordered_map<std::string, Entry> entries_;
  bool dirty_ = false;
};

}  // namespace islet::client
