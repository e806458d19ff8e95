#include "daemon/session_manager.h"

#include <vector>

#include "daemon/session.h"

namespace islet::daemon {

void SessionManager::Start(std::shared_ptr<Session> session) {
  sessions_.insert(session);
  session->Start();
}

void SessionManager::Remove(const std::shared_ptr<Session>& session) {
  sessions_.erase(session);
  MaybeNotifyEmpty();
}

void SessionManager::CloseAllAfterFlush(std::function<void()> on_empty) {
  on_empty_ = std::move(on_empty);
  std::vector<std::shared_ptr<Session>> all(sessions_.begin(), sessions_.end());
  for (const auto& session : all) session->CloseAfterFlush();
  MaybeNotifyEmpty();
}

void SessionManager::StopAll() {
  std::vector<std::shared_ptr<Session>> all(sessions_.begin(), sessions_.end());
  for (const auto& session : all) session->Stop();
  sessions_.clear();
}

void SessionManager::MaybeNotifyEmpty() {
  if (sessions_.empty() && on_empty_) {
    auto callback = std::move(on_empty_);
    on_empty_ = nullptr;
    callback();
  }
}

}  // namespace islet::daemon
