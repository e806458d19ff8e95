#pragma once

#include <memory>
#include <string>
#include <unordered_set>

#include "runtime/base/mutex.h"
#include "runtime/bus/bus.h"

namespace islet::runtime {

// One BroadcastChannel name in one job. Each BroadcastChannel object holds one
// side of a channel whose other side the hub owns; what one member posts is
// copied to every other member, in order. A member leaves when its port
// closes (close(), or its worker exits). Thread-safe.
class BroadcastHub final : public PortOwner, public std::enable_shared_from_this<BroadcastHub> {
 public:
  explicit BroadcastHub(Bus* bus) : bus_(bus) {}
  ~BroadcastHub() override;

  // A new member; returns the port its BroadcastChannel object owns.
  PortId Join(std::weak_ptr<PortOwner> member_owner);
  size_t members() const;

  void OnPortReady(PortId port) override;

 private:
  Bus* const bus_;
  mutable Mutex mu_;  // serialises fan-out, so every member sees one order
  std::unordered_set<PortId> hub_ports_ GUARDED_BY(mu_);
};

}  // namespace islet::runtime
