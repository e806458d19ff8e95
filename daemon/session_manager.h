#pragma once

#include <functional>
#include <memory>
#include <set>

namespace islet::daemon {

class Session;

// Owns the live sessions (the "connection manager" of Asio's HTTP server
// example). Control thread only.
class SessionManager {
 public:
  SessionManager() = default;
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

 private:
  void MaybeNotifyEmpty();

  std::set<std::shared_ptr<Session>> sessions_;
  std::function<void()> on_empty_;
};

}  // namespace islet::daemon
