#pragma once

#include <cstdint>
#include <deque>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "proto/framing.h"
#include "proto/islet/v1/control.pb.h"

namespace islet::client {

enum class ErrorKind {
  kNoDaemon,     // nothing listens on the socket
  kIo,           // a socket call failed
  kProtocol,     // the daemon sent something that is not a Response frame
  kClosed,       // the daemon closed the connection
  kInterrupted,  // the interrupt fd became readable
  kRemote,       // the daemon answered with a non-OK status (see `code`)
  kUntrusted,    // the socket's directory, file or listener is not the caller's (or root's)
};

struct Error {
  ErrorKind kind;
  std::string message;
  v1::Code code = v1::OK;  // for kRemote
};

template <typename T>
using Result = std::expected<T, Error>;

// A synchronous connection to isletd over its Unix socket. Requests get
// increasing ids; responses that arrive for other ids than the one being
// read are kept for later. Move-only; one thread at a time.
class Client {
 public:
  // Frames larger than this from the daemon are a protocol error.
  static constexpr size_t kMaxFrameBytes = 64u << 20;

  // Connects as the calling user (getuid()). Before connecting, refuses a
  // socket whose directory or file others control, and once connected, a
  // listener that runs as another user (root excepted): kUntrusted, with
  // nothing sent (proto::CheckSocketPath, proto::CheckSocketPeer).
  static Result<Client> Connect(const std::string& socket_path);

  Client(Client&& other) noexcept;
  Client& operator=(Client&& other) noexcept;
  ~Client();

  // Sends `request` under a fresh id (its own id is overwritten); returns it.
  Result<uint64_t> Send(v1::Request request);

  // The next response for `id`, blocking. A response with a non-OK status
  // becomes Error{kRemote}; it is the last one for its id. An error the
  // daemon sends for the whole connection (id 0, before it closes) is
  // returned to any Read. If `interrupt_fd` >= 0 becomes readable first,
  // returns kInterrupted.
  Result<v1::Response> Read(uint64_t id, int interrupt_fd = -1);

  // Send, then Read of the one response.
  Result<v1::Response> Call(v1::Request request);

  // Writes bytes as they are (for tests that speak bad protocol).
  Result<void> SendRaw(std::string_view bytes);

  const std::string& socket_path() const { return socket_path_; }
  int fd() const { return fd_; }

 private:
  Client(int fd, std::string socket_path);
  void Close();
  // Takes the next whole response out of the decoder into the stash; returns
  // false if none is buffered yet.
  Result<bool> DecodeOne();
  // After a failed send: the daemon's connection error, if it sent one.
  std::optional<Error> PendingConnectionError();

  int fd_ = -1;
  std::string socket_path_;
  uint64_t next_id_ = 1;
  proto::FrameDecoder decoder_{kMaxFrameBytes};
  std::map<uint64_t, std::deque<v1::Response>> stash_;  // by request id
};

}  // namespace islet::client
