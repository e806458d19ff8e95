#include "runtime/bus/bus.h"

#include <algorithm>

#include "runtime/base/mutex.h"

namespace islet::runtime {

Bus::~Bus() {
  MutexLock lock(mu_);
  for (auto& [id, ep] : endpoints_) ReleaseAll(ep);
}

std::pair<PortId, PortId> Bus::CreateChannel(std::weak_ptr<PortOwner> owner) {
  return CreateChannel(owner, owner);
}

std::pair<PortId, PortId> Bus::CreateChannel(std::weak_ptr<PortOwner> first,
                                             std::weak_ptr<PortOwner> second) {
  MutexLock lock(mu_);
  PortId a = next_id_++;
  PortId b = next_id_++;
  endpoints_[a].peer = b;
  endpoints_[b].peer = a;
  SetOwner(endpoints_[a], std::move(first));
  SetOwner(endpoints_[b], std::move(second));
  return {a, b};
}

void Bus::SetOwner(Endpoint& ep, std::weak_ptr<PortOwner> owner) {
  auto strong = owner.lock();
  ep.owner_raw = strong.get();
  ep.limit = strong ? strong->queue_limit() : nullptr;
  ep.account = strong ? strong->queue_account() : nullptr;
  ep.owner = std::move(owner);
}

std::shared_ptr<PortOwner> Bus::EnqueueLocked(PortId, Endpoint& ep, Message message) {
  ep.queue.push_back(std::move(message));
  if (ep.notified || ep.detached) return nullptr;
  auto owner = ep.owner.lock();
  if (owner) ep.notified = true;
  return owner;
}

void Bus::AddCharge(Endpoint& ep, const std::shared_ptr<QueueAccount>& account, size_t bytes) {
  if (bytes == 0) return;
  if (ep.first_charge < ep.charges.size() && ep.charges.back().account == account) {
    ep.charges.back().bytes += bytes;
  } else {
    ep.charges.push_back({account, bytes});
  }
}

void Bus::ReleaseTaken(Endpoint& ep, size_t bytes) {
  size_t unread = std::min(bytes, ep.unread_bytes);
  ep.unread_bytes -= unread;
  bytes -= unread;
  while (bytes != 0 && ep.first_charge < ep.charges.size()) {
    Endpoint::Charge& charge = ep.charges[ep.first_charge];
    size_t n = std::min(bytes, charge.bytes);
    if (charge.account) charge.account->Release(n);
    charge.bytes -= n;
    bytes -= n;
    if (charge.bytes == 0) {
      charge.account.reset();
      ++ep.first_charge;
    }
  }
  if (ep.first_charge == ep.charges.size()) {
    ep.charges.clear();
    ep.first_charge = 0;
  }
}

void Bus::ReleaseAll(Endpoint& ep) { ReleaseTaken(ep, SIZE_MAX); }

void Bus::EraseLocked(std::unordered_map<PortId, Endpoint>::iterator it) {
  ReleaseAll(it->second);
  endpoints_.erase(it);
}

std::shared_ptr<QueueAccount> Bus::PeerAccount(PortId port) const {
  MutexLock lock(mu_);
  auto it = endpoints_.find(port);
  if (it == endpoints_.end()) return nullptr;
  auto peer = endpoints_.find(it->second.peer);
  return peer == endpoints_.end() ? nullptr : peer->second.account;
}

Bus::Ownership Bus::OwnershipOf(PortId port, const PortOwner* owner) const {
  MutexLock lock(mu_);
  auto it = endpoints_.find(port);
  if (it == endpoints_.end()) return Ownership::kUnknown;
  return !it->second.detached && it->second.owner_raw == owner ? Ownership::kOwned
                                                               : Ownership::kForeign;
}

Bus::PostResult Bus::Post(PortId from, Message message, const PortOwner* sender,
                          const std::shared_ptr<QueueAccount>& charge_to) {
  std::shared_ptr<PortOwner> notify;
  PortId to;
  {
    MutexLock lock(mu_);
    auto src = endpoints_.find(from);
    if (src == endpoints_.end()) return PostResult::kNoSuchPort;
    if (sender != nullptr && (src->second.detached || src->second.owner_raw != sender)) {
      return PostResult::kNotOwner;
    }
    if (src->second.closed) return PostResult::kPeerClosed;
    to = src->second.peer;
    auto dst = endpoints_.find(to);
    if (dst == endpoints_.end() || dst->second.closed) return PostResult::kPeerClosed;
    size_t limit = queue_limit_;
    if (dst->second.limit) {
      size_t own = dst->second.limit->load(std::memory_order_relaxed);
      if (own != 0 && own < limit) limit = own;
    }
    if (dst->second.queue.size() >= limit) return PostResult::kQueueFull;
    size_t held = dst->second.queue.bytes();
    if (held != 0 &&
        message.bytes.size() > queue_bytes_limit_ - std::min(held, queue_bytes_limit_)) {
      return PostResult::kQueueBytesFull;
    }
    const std::shared_ptr<QueueAccount>& account = charge_to ? charge_to : src->second.account;
    size_t size = message.bytes.size();
    if (account && size != 0) {
      switch (account->Charge(size, sender_bytes_limit_)) {
        case QueueAccount::ChargeResult::kCharged:
          break;
        case QueueAccount::ChargeResult::kOverCap:
          return PostResult::kSenderBytesFull;
        case QueueAccount::ChargeResult::kOverBudget:
          return PostResult::kBudgetFull;
      }
    }
    AddCharge(dst->second, account, size);
    notify = EnqueueLocked(to, dst->second, std::move(message));
  }
  if (notify) notify->OnPortReady(to);
  return PostResult::kDelivered;
}

std::vector<Message> Bus::Take(PortId port, size_t max, bool* more) {
  std::vector<Message> out;
  if (more != nullptr) *more = false;
  // The lock covers a copy of the queued bytes; they become Messages after
  // it, while senders post.
  thread_local std::vector<uint8_t> records;
  records.clear();
  {
    MutexLock lock(mu_);
    auto it = endpoints_.find(port);
    if (it == endpoints_.end()) return out;
    Endpoint& ep = it->second;
    if (ep.queue.empty()) {
      ep.notified = false;
      return out;
    }
    // A closed endpoint's close marker is its last message: nothing is
    // queued behind it (posts to it are refused; Unread puts back in front).
    size_t n = ep.queue.size() - (ep.closed ? 1 : 0);
    if (n == 0) {
      // A close marker comes alone, so that whatever is taken with it can
      // still be put back (Unread) while the endpoint exists.
      out.push_back(ep.queue.pop_front());
      EraseLocked(it);  // closed and drained: the endpoint is gone
      return out;
    }
    size_t held = ep.queue.bytes();
    ep.queue.TakeFront(n < max ? n : max, &out, &records);
    ReleaseTaken(ep, held - ep.queue.bytes());
    if (ep.queue.empty()) {
      ep.notified = false;
    } else if (more != nullptr) {
      *more = true;
    }
  }
  MessageRing::Decode(records, &out);
  if (records.capacity() > 64 * 1024) std::vector<uint8_t>().swap(records);  // a rare huge take
  return out;
}

bool Bus::OnlyCloseMarker(PortId port) const {
  MutexLock lock(mu_);
  auto it = endpoints_.find(port);
  return it != endpoints_.end() && it->second.closed && it->second.queue.size() == 1;
}

void Bus::Unread(PortId port, std::vector<Message> messages) {
  if (messages.empty()) return;
  std::shared_ptr<PortOwner> notify;
  {
    MutexLock lock(mu_);
    auto it = endpoints_.find(port);
    if (it == endpoints_.end()) return;
    Endpoint& ep = it->second;
    size_t held = ep.queue.bytes();
    ep.queue.PushFront(std::move(messages));
    ep.unread_bytes += ep.queue.bytes() - held;
    // Its owner (a new one, if the port was adopted meanwhile) must hear of
    // them; one that stopped the port drains nothing until it starts again.
    if (!ep.notified && !ep.detached) {
      notify = ep.owner.lock();
      if (notify) ep.notified = true;
    }
  }
  if (notify) notify->OnPortReady(port);
}

size_t Bus::Pending(PortId port) const {
  MutexLock lock(mu_);
  auto it = endpoints_.find(port);
  return it == endpoints_.end() ? 0 : it->second.queue.size();
}

void Bus::CloseLocked(PortId id,
                      std::vector<std::pair<std::shared_ptr<PortOwner>, PortId>>* notify) {
  auto it = endpoints_.find(id);
  if (it == endpoints_.end() || it->second.closed) return;
  Endpoint& ep = it->second;
  ep.closed = true;
  Message marker;
  marker.close_marker = true;
  if (auto owner = EnqueueLocked(id, ep, std::move(marker))) notify->emplace_back(owner, id);
}

void Bus::Close(PortId port) {
  std::vector<std::pair<std::shared_ptr<PortOwner>, PortId>> notify;
  {
    MutexLock lock(mu_);
    auto it = endpoints_.find(port);
    if (it == endpoints_.end()) return;
    PortId peer = it->second.peer;
    CloseLocked(port, &notify);
    CloseLocked(peer, &notify);
  }
  for (auto& [owner, id] : notify) owner->OnPortReady(id);
}

bool Bus::Detach(PortId port) {
  MutexLock lock(mu_);
  auto it = endpoints_.find(port);
  if (it == endpoints_.end() || it->second.closed || it->second.detached) return false;
  it->second.detached = true;
  it->second.notified = false;
  it->second.owner.reset();
  it->second.owner_raw = nullptr;
  it->second.account.reset();  // in transit no one posts from it
  return true;
}

bool Bus::Adopt(PortId port, std::weak_ptr<PortOwner> owner) {
  std::shared_ptr<PortOwner> notify;
  {
    MutexLock lock(mu_);
    auto it = endpoints_.find(port);
    if (it == endpoints_.end()) return false;
    Endpoint& ep = it->second;
    ep.detached = false;
    SetOwner(ep, std::move(owner));
    if (!ep.queue.empty() && !ep.notified) {
      notify = ep.owner.lock();
      if (notify) ep.notified = true;
    }
  }
  if (notify) notify->OnPortReady(port);
  return true;
}

void Bus::CloseAllOwnedBy(const PortOwner* owner) {
  std::vector<std::pair<std::shared_ptr<PortOwner>, PortId>> notify;
  {
    MutexLock lock(mu_);
    std::vector<PortId> owned;
    for (auto& [id, ep] : endpoints_) {
      if (ep.owner_raw == owner) owned.push_back(id);
    }
    for (PortId id : owned) {
      auto it = endpoints_.find(id);
      if (it == endpoints_.end()) continue;
      PortId peer = it->second.peer;
      EraseLocked(it);  // the owner is gone: drop its side and its queue
      CloseLocked(peer, &notify);
    }
  }
  for (auto& [o, id] : notify) o->OnPortReady(id);
}

void Bus::set_queue_limit(size_t limit) {
  MutexLock lock(mu_);
  queue_limit_ = limit;
}

void Bus::set_queue_bytes_limit(size_t limit) {
  MutexLock lock(mu_);
  queue_bytes_limit_ = limit;
}

void Bus::set_sender_bytes_limit(size_t limit) {
  MutexLock lock(mu_);
  sender_bytes_limit_ = limit;
}

size_t Bus::open_ports() const {
  MutexLock lock(mu_);
  return endpoints_.size();
}

}  // namespace islet::runtime
