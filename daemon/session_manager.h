#pragma once

#include <functional>
#include <memory>
#include <set>

namespace islet::daemon {

class Session;

// Owns the live sessions (the "connection manager" of Asio's HTTP server
// example), and bounds the memory they hold together: bytes of requests
// not yet whole (a partial frame) and of responses not yet written (a
// client that does not read its stream). Past the bound, the session
// holding the most is dropped. Control thread only.
class SessionManager {
 public:
  // 0: no bound.
  explicit SessionManager(size_t max_held_bytes = 0) : max_held_bytes_(max_held_bytes) {}
  SessionManager(const SessionManager&) = delete;
  SessionManager& operator=(const SessionManager&) = delete;

  void Start(std::shared_ptr<Session> session);
  // Called by a session once it has closed.
  void Remove(const std::shared_ptr<Session>& session);
  // Asks every session to close after flushing; `on_empty` runs once the last
  // one has gone (at once if there are none).
  void CloseAllAfterFlush(std::function<void()> on_empty);
  // Closes every session now.
  void StopAll();

  size_t size() const { return sessions_.size(); }

  // A session's buffers now hold `now` bytes, where they held `before`
  // (Session::Account). May drop the session holding the most, which can
  // be the caller itself: callers check Session::open() after.
  void Adjust(size_t before, size_t now);
  size_t held_bytes() const { return held_bytes_; }
  size_t max_held_bytes() const { return max_held_bytes_; }
  // Sessions dropped for holding too much.
  uint64_t dropped() const { return dropped_; }

 private:
  void MaybeNotifyEmpty();
  const size_t max_held_bytes_;
  size_t held_bytes_ = 0;
  uint64_t dropped_ = 0;

  std::set<std::shared_ptr<Session>> sessions_;
  std::function<void()> on_empty_;
};

}  // namespace islet::daemon
