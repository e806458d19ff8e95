#pragma once

#include <sys/types.h>

#include <asio/io_context.hpp>
#include <asio/local/stream_protocol.hpp>
#include <expected>
#include <memory>
#include <string>

namespace islet::daemon {

// The daemon's listening Unix socket and the files that go with it: a lock
// file (`<socket>.lock`) held for the daemon's life, so two daemons never race
// for one path, and the socket file, removed on Close if it is still ours.
// Control thread only.
class UnixListener {
 public:
  // Creates the parent directory (0700) if missing, refuses if another daemon
  // holds the lock or answers on `path`, removes a stale socket file, binds,
  // listens and makes the socket owner-only (0600). Errors are user-facing.
  static std::expected<std::unique_ptr<UnixListener>, std::string> Open(asio::io_context& io,
                                                                        const std::string& path);
  ~UnixListener();

  UnixListener(const UnixListener&) = delete;
  UnixListener& operator=(const UnixListener&) = delete;

  asio::local::stream_protocol::acceptor& acceptor() { return acceptor_; }
  const std::string& path() const { return path_; }

  // Stops accepting and removes the socket file unless another daemon has
  // replaced it since. Idempotent.
  void Close();

 private:
  UnixListener(asio::io_context& io, std::string path, int lock_fd);

  asio::local::stream_protocol::acceptor acceptor_;
  std::string path_;
  int lock_fd_;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
  bool closed_ = false;
};

// Creates `dir` and missing parents with mode 0700, then refuses it unless
// it is private to `uid` (the daemon's effective uid by default):
// proto::CheckPrivateDirectory, owned by `uid` or root and writable by no one
// else, sticky or not. So a socket or state file directly in a shared
// directory such as /tmp is refused (the message suggests a private
// subdirectory): whoever else may create files there could take the socket's
// name first, or delete the daemon's socket and state file. Existing
// ancestors are not checked (a private /tmp/islet-1000 in /tmp is fine).
std::expected<void, std::string> EnsurePrivateDirectory(const std::string& dir);
std::expected<void, std::string> EnsurePrivateDirectory(const std::string& dir, uid_t uid);

// Whether something accepts connections on the Unix socket at `path`.
bool SocketAnswers(const std::string& path);

}  // namespace islet::daemon
