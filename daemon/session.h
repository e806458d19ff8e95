#pragma once

#include <array>
#include <asio/any_io_executor.hpp>
#include <asio/local/stream_protocol.hpp>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "proto/framing.h"
#include "proto/islet/v1/control.pb.h"

namespace islet::daemon {

class ControlService;
class SessionManager;

// Kinds of bad input a client can send; each is logged at warn once per session.
enum class BadInput : unsigned {
  kMalformedLength,
  kFrameTooLarge,
  kNotARequest,
  kUnknownRequest,
  kTruncatedFrame,
  kSlowReader,
  kOverMemory,
};

// One client connection: reads Request frames, hands each to the
// ControlService, and writes Response frames in order through a write queue.
// Shared by the SessionManager and its own pending operations.
// Control thread only; runtime threads use alive_flag() and post.
class Session : public std::enable_shared_from_this<Session> {
 public:
  using Socket = asio::local::stream_protocol::socket;

  // A client that lets this much output queue up unread is disconnected.
  static constexpr size_t kMaxQueuedBytes = 64u << 20;

  Session(Socket socket, uint64_t id, SessionManager& manager, ControlService& service,
          size_t max_frame_bytes);
  ~Session();

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start();

  // Queues one response frame. A no-op once the session is closing.
  void Send(const v1::Response& response);

  // Sends an error response for `request_id` (0 if unknown), then closes once
  // everything queued has been written. Stops reading at once.
  void FailAndClose(uint64_t request_id, v1::Code code, const std::string& message);

  // Stops reading; closes once everything queued has been written.
  void CloseAfterFlush();

  // Closes at once and cancels every open stream. Idempotent.
  void Stop();

  // Registers an open stream for `request_id`; `cancel` runs if the session
  // closes before EndStream(request_id).
  void AddStream(uint64_t request_id, std::function<void()> cancel);
  void EndStream(uint64_t request_id);

  bool open() const { return !stopped_ && !closing_; }
  uint64_t id() const { return id_; }
  const SessionManager& manager() const { return manager_; }
  // "session 7 (pid 1234, uid 1000)", for logs.
  const std::string& peer() const { return peer_; }
  size_t open_streams() const { return streams_.size(); }

  // False once the session has closed. Any thread may read it: event sinks on
  // runtime threads check it so that they stop posting for a dead session.
  std::shared_ptr<const std::atomic<bool>> alive_flag() const { return alive_; }
  asio::any_io_executor executor() { return socket_.get_executor(); }

  // Logs bad input at warn the first time per kind, at debug after that.
  void LogBadInput(BadInput kind, const std::string& what);

  // Spawn requests of this session waiting for admission hold `delta` more
  // bytes (ControlService); they count with its buffers.
  void HoldDeferred(ptrdiff_t delta) {
    deferred_bytes_ += delta;
    Account();
  }
  // Bytes this session's buffers hold, as last told to the SessionManager.
  size_t accounted_bytes() const { return accounted_; }
  // Closes at once: the sessions together hold `held` bytes, past the
  // daemon's bound `max`, and this one holds the most.
  void DropForMemory(size_t held, size_t max);

 private:
  void DoRead();
  // Decodes and dispatches buffered frames; false once the session closes.
  bool ProcessFrames();
  void DoWrite();
  void FinishClose();
  // Tells the SessionManager what the buffers hold now (which may drop
  // this session: check open() after).
  void Account();
  // Gives back a written buffer's memory if a large response grew it.
  static void Shrink(std::string& buffer);

  Socket socket_;
  const uint64_t id_;
  SessionManager& manager_;
  ControlService& service_;
  std::string peer_;
  proto::FrameDecoder decoder_;
  std::array<char, 64 * 1024> read_buffer_;
  std::string pending_;    // frames queued behind the write in flight
  std::string in_flight_;  // frames being written
  bool writing_ = false;
  bool closing_ = false;  // close once the queue drains
  bool stopped_ = false;
  unsigned warned_ = 0;                                // bit per warning kind
  std::map<uint64_t, std::function<void()>> streams_;  // request id -> cancel
  std::shared_ptr<std::atomic<bool>> alive_;
  size_t accounted_ = 0;
  size_t deferred_bytes_ = 0;
};

}  // namespace islet::daemon
