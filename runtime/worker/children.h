#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/bus/message.h"

namespace islet::runtime {

class Worker;

// A parent worker's view of its children, without V8: the parent's side of
// each child's channel by threadId (a child's lifecycle events are
// delivered after what it posted there), and the children to start once the
// parent's turn is over (a child never runs before the turn that made it
// ends, as a Node Worker starts after its constructor's tick). The parent's
// turn only.
class Children {
 public:
  void Add(uint32_t thread_id, PortId port) { ports_[thread_id] = port; }
  std::optional<PortId> PortOf(uint32_t thread_id) const {
    auto it = ports_.find(thread_id);
    if (it == ports_.end()) return std::nullopt;
    return it->second;
  }
  // The child exited: its channel says nothing more.
  void Remove(uint32_t thread_id) { ports_.erase(thread_id); }

  void StartAfterTurn(std::shared_ptr<Worker> child) { to_start_.push_back(std::move(child)); }
  std::vector<std::shared_ptr<Worker>> TakeToStart() { return std::exchange(to_start_, {}); }

  // The parent's isolate is going. Children still to start are kept: they
  // start after this last turn and are ended with their parent by the
  // supervisor, like any other child.
  void ForgetPorts() { ports_.clear(); }

 private:
  std::unordered_map<uint32_t, PortId> ports_;
  std::vector<std::shared_ptr<Worker>> to_start_;
};

}  // namespace islet::runtime
