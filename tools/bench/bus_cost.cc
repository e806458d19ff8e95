// What one message costs the Bus on one thread, without contention: Post
// then Take, in batches of 64 small (16-byte) messages, with and without a
// sender's QueueAccount (the per-sender byte bound of issue 13). Prints ns
// per message, median of 9 runs. Not a figure against Node: a tool to see
// what a change to the bus's hot path costs.
//   bazel run -c opt //tools/bench:bus_cost
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "runtime/bus/bus.h"

namespace {

using islet::runtime::Bus;
using islet::runtime::ExternalBudget;
using islet::runtime::Message;
using islet::runtime::PortId;
using islet::runtime::PortOwner;
using islet::runtime::QueueAccount;

class Owner : public PortOwner {
 public:
  explicit Owner(std::shared_ptr<QueueAccount> account) : account_(std::move(account)) {}
  void OnPortReady(PortId) override {}
  std::shared_ptr<QueueAccount> queue_account() const override { return account_; }

 private:
  std::shared_ptr<QueueAccount> account_;
};

double NsPerMessage(bool accounted) {
  Bus bus;
  bus.set_sender_bytes_limit(256u << 20);
  auto budget = std::make_shared<ExternalBudget>(1ull << 30);
  auto owner =
      std::make_shared<Owner>(accounted ? std::make_shared<QueueAccount>(budget) : nullptr);
  auto [a, b] = bus.CreateChannel(owner);
  constexpr int kBatch = 64, kBatches = 50000;
  const uint8_t bytes[16] = {1, 2, 3};
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kBatches; ++i) {
    for (int j = 0; j < kBatch; ++j) {
      Message m;
      m.bytes.assign(bytes, sizeof bytes);
      bus.Post(a, std::move(m), owner.get());
    }
    if (bus.Take(b, kBatch).size() != kBatch) std::abort();
  }
  std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
  return took.count() / (double(kBatch) * kBatches);
}

double Median(bool accounted) {
  std::vector<double> runs;
  for (int i = 0; i < 9; ++i) runs.push_back(NsPerMessage(accounted));
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

}  // namespace

int main() {
  double plain = Median(false), accounted = Median(true);
  std::printf("bus post+take, 16-byte messages, batches of 64, one thread (median of 9)\n");
  std::printf("  no account:   %.1f ns/message\n", plain);
  std::printf("  with account: %.1f ns/message (%+.1f)\n", accounted, accounted - plain);
  return 0;
}
