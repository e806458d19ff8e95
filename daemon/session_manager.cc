#include "daemon/session_manager.h"

#include <vector>

#include "daemon/session.h"

namespace islet::daemon {

void SessionManager::Start(std::shared_ptr<Session> session) {
  sessions_.insert(session);
  session->Start();
}

void SessionManager::Remove(const std::shared_ptr<Session>& session) {
  if (sessions_.erase(session) != 0) held_bytes_ -= session->accounted_bytes();
  MaybeNotifyEmpty();
}

void SessionManager::Adjust(size_t before, size_t now) {
  held_bytes_ = held_bytes_ - before + now;
  if (max_held_bytes_ == 0 || held_bytes_ <= max_held_bytes_ || now <= before) return;
  // Over the bound: the session holding the most goes, whichever it is (a
  // client half-sending huge frames, or one not reading its stream), so
  // the many that hold little keep being served.
  while (held_bytes_ > max_held_bytes_) {
    std::shared_ptr<Session> largest;
    for (const auto& s : sessions_) {
      if (!largest || s->accounted_bytes() > largest->accounted_bytes()) largest = s;
    }
    if (!largest || largest->accounted_bytes() == 0) return;
    ++dropped_;
    largest->DropForMemory(held_bytes_, max_held_bytes_);
  }
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
  held_bytes_ = 0;
}

void SessionManager::MaybeNotifyEmpty() {
  if (sessions_.empty() && on_empty_) {
    auto callback = std::move(on_empty_);
    on_empty_ = nullptr;
    callback();
  }
}

}  // namespace islet::daemon
