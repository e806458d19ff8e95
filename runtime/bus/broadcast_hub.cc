#include "runtime/bus/broadcast_hub.h"

#include <vector>

#include "runtime/base/mutex.h"

namespace islet::runtime {

BroadcastHub::~BroadcastHub() {
  for (PortId port : hub_ports_) bus_->Close(port);
}

PortId BroadcastHub::Join(std::weak_ptr<PortOwner> member_owner) {
  MutexLock lock(mu_);
  auto [hub_side, member_side] = bus_->CreateChannel(weak_from_this(), std::move(member_owner));
  hub_ports_.insert(hub_side);
  return member_side;
}

size_t BroadcastHub::members() const {
  MutexLock lock(mu_);
  return hub_ports_.size();
}

void BroadcastHub::OnPortReady(PortId port) {
  MutexLock lock(mu_);
  // Copies are charged to the member that posted, so a worker that
  // broadcasts to members that never read is bounded like any sender.
  std::shared_ptr<QueueAccount> account = bus_->PeerAccount(port);
  for (;;) {
    std::vector<Message> messages = bus_->Take(port, 64);
    if (messages.empty()) return;
    for (Message& message : messages) {
      if (message.close_marker) {
        hub_ports_.erase(port);
        return;
      }
      for (PortId other : hub_ports_) {
        if (other == port) continue;
        Message copy;
        copy.bytes = message.bytes;
        if (message.attachments) {
          copy.attachments = message.attachments->Clone();
          if (!copy.attachments) continue;
        }
        // A copy refused (the member's port is full, or the sender's
        // account) is not delivered to that member; BroadcastChannel has no
        // way to report it.
        bus_->Post(other, std::move(copy), nullptr, account);
      }
    }
  }
}

}  // namespace islet::runtime
